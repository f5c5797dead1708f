import type { PrismaClient } from '@hub/prisma';
import type { ConnectorService } from '@hub/schema/context';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import { configureDepartmentConnector } from './configure-department-connector.ts';
import type { ConnectorRegistry } from './create-connector-registry.ts';
import { disableDepartmentConnector } from './disable-department-connector.ts';

export function createConnectorService(prisma: PrismaClient, registry: ConnectorRegistry): ConnectorService {
  return {
    configureDepartmentConnector: (input, actor) => configureDepartmentConnector(prisma, input, actor),
    disableDepartmentConnector: (id, actor) => {
      if (!isUuid(id)) throw notFoundError(`no department connector ${id}`);
      return disableDepartmentConnector(prisma, id, actor);
    },
    circuit: (id) => registry.circuit(id),
  };
}
