import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { DatasetEnum } from '../datasets/dataset.ts';

const manage = { can: 'connectors:manage' } as const;

const ConfigureDepartmentConnectorInput = builder.inputType('ConfigureDepartmentConnectorInput', {
  description: 'Omitted settings take the defaults; omitted, an existing connector keeps its credential.',
  fields: (t) => ({
    departmentId: t.id({ required: true }),
    datasets: t.field({ type: [DatasetEnum], required: true, description: 'The datasets it answers live.' }),
    baseUrl: t.string({ required: true, description: 'The API root, http or https.' }),
    credential: t.string({ description: 'Sent as a bearer token; stored encrypted and never shown again.' }),
    batchSize: t.int(),
    concurrency: t.int(),
    timeoutMs: t.int(),
    retries: t.int(),
    backoffMs: t.int(),
    maxBackoffMs: t.int(),
    circuitErrorPercentage: t.int(),
    circuitMinimumBatches: t.int(),
    circuitResetMs: t.int(),
    enabled: t.boolean(),
  }),
});

builder.mutationField('configureDepartmentConnector', (t) =>
  t.prismaField({
    type: 'DepartmentConnector',
    description: "Creates or replaces the department's live connector (one per department).",
    authScopes: manage,
    args: { input: t.arg({ type: ConfigureDepartmentConnectorInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const actor = changeActorOf(context, 'configureDepartmentConnector');
      const { id } = await context.services.connectors.configureDepartmentConnector(
        {
          ...input,
          departmentId: String(input.departmentId),
          credential: input.credential ?? null,
          batchSize: input.batchSize ?? null,
          concurrency: input.concurrency ?? null,
          timeoutMs: input.timeoutMs ?? null,
          retries: input.retries ?? null,
          backoffMs: input.backoffMs ?? null,
          maxBackoffMs: input.maxBackoffMs ?? null,
          circuitErrorPercentage: input.circuitErrorPercentage ?? null,
          circuitMinimumBatches: input.circuitMinimumBatches ?? null,
          circuitResetMs: input.circuitResetMs ?? null,
          enabled: input.enabled ?? null,
        },
        actor,
      );
      return context.prisma.departmentConnector.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('disableDepartmentConnector', (t) =>
  t.prismaField({
    type: 'DepartmentConnector',
    description: 'Stops live calls to the department; APPLICATION runs then read its bulk snapshots.',
    authScopes: manage,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const actor = changeActorOf(context, 'disableDepartmentConnector');
      const { id } = await context.services.connectors.disableDepartmentConnector(String(args.id), actor);
      return context.prisma.departmentConnector.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
