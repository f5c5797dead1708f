import type { PrismaClient } from '@hub/prisma';
import type { ConnectorService } from '@hub/schema/context';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import { configureDepartmentConnector } from './configure-department-connector.ts';
import type { ConnectorRegistry } from './create-connector-registry.ts';
import { disableDepartmentConnector } from './disable-department-connector.ts';

export function createConnectorService(prisma: PrismaClient, registry: ConnectorRegistry): ConnectorService {
  return {
    configureDepartmentConnector: (input) => configureDepartmentConnector(prisma, input),
    disableDepartmentConnector: (id) => {
      if (!isUuid(id)) throw notFoundError(`no department connector ${id}`);
      return disableDepartmentConnector(prisma, id);
    },
    circuit: (id) => registry.circuit(id),
  };
}
