import type { DepartmentConnector as ConnectorRow } from '@hub/prisma';
import { builder } from '../builder.ts';
import { DatasetEnum } from '../datasets/dataset.ts';

const manage = { can: 'connectors:manage' } as const;

export const CircuitStateEnum = builder.enumType('CircuitState', {
  values: {
    CLOSED: { description: 'Calls go through.' },
    OPEN: { description: 'The department kept failing: calls fail at once, and runs use its bulk snapshots.' },
    HALF_OPEN: { description: 'One call tries the department again; its outcome closes or reopens the circuit.' },
  },
});

const ConnectorHealth = builder.objectRef<ConnectorRow & { circuit: 'CLOSED' | 'OPEN' | 'HALF_OPEN' }>(
  'DepartmentConnectorHealth',
);
ConnectorHealth.implement({
  description: "How a connector's department has been answering.",
  fields: (t) => ({
    circuit: t.field({ type: CircuitStateEnum, resolve: (health) => health.circuit }),
    lastSuccessAt: t.field({ type: 'DateTime', nullable: true, resolve: (health) => health.lastSuccessAt }),
    lastFailureAt: t.field({ type: 'DateTime', nullable: true, resolve: (health) => health.lastFailureAt }),
    lastFailureReason: t.string({ nullable: true, resolve: (health) => health.lastFailureReason }),
  }),
});

// The credential is write-only: no field reads it, in any form.
export const DepartmentConnector = builder.prismaObject('DepartmentConnector', {
  description: "How the hub calls a department's HTTP API for live answers (APPLICATION runs).",
  authScopes: manage,
  fields: (t) => ({
    id: t.exposeID('id'),
    department: t.relation('department'),
    datasets: t.field({ type: [DatasetEnum], resolve: (connector) => connector.datasets }),
    baseUrl: t.exposeString('baseUrl'),
    batchSize: t.exposeInt('batchSize', { description: 'Persons asked about in one request.' }),
    concurrency: t.exposeInt('concurrency', { description: 'Requests in flight at once.' }),
    timeoutMs: t.exposeInt('timeoutMs', { description: "One attempt's limit." }),
    retries: t.exposeInt('retries', { description: 'Attempts after the first on timeouts, 5xx and 429.' }),
    backoffMs: t.exposeInt('backoffMs', { description: 'First backoff; doubles each attempt, with jitter.' }),
    maxBackoffMs: t.exposeInt('maxBackoffMs'),
    circuitErrorPercentage: t.exposeInt('circuitErrorPercentage', {
      description: 'The circuit opens when this share of recent batches failed…',
    }),
    circuitMinimumBatches: t.exposeInt('circuitMinimumBatches', { description: '…given at least this many.' }),
    circuitResetMs: t.exposeInt('circuitResetMs', { description: 'An open circuit tries again after this long.' }),
    enabled: t.exposeBoolean('enabled'),
    health: t.field({
      type: ConnectorHealth,
      resolve: (connector, _args, { services }) => ({
        ...connector,
        circuit: services.connectors.circuit(connector.id),
      }),
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('departmentConnectors', (t) =>
  t.prismaField({
    type: ['DepartmentConnector'],
    nullable: true,
    description: "The departments' live connectors, by department.",
    authScopes: manage,
    resolve: (query, _root, _args, { prisma }) =>
      prisma.departmentConnector.findMany({ ...query, orderBy: { department: { code: 'asc' } } }),
  }),
);
