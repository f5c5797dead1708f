import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badUserInputError, notFoundError } from '../errors.ts';
import { viewerUserId } from '../scopes.ts';
import { isUuid } from '../uuid.ts';
import { ComparisonKindEnum, ComparisonRunStatusEnum } from './comparison-enums.ts';
import { estimatedCompletionAt, householdsPerSecond } from './comparison-pace.ts';
import { ComparisonRunSummary } from './comparison-run-summary.ts';

const read = { can: 'comparisons:read' } as const;

export const ComparisonRun = builder.prismaObject('ComparisonRun', {
  description:
    "A comparison of a cohort of households against their region's standards as at one date, in chunks that any " +
    'number of workers share; one HouseholdAssessment per household.',
  // Another region's run is not there for the caller: its fields are refused, its lookups answer null.
  authScopes: (run) => ({ ...read, reachesComparisonRun: run.id }),
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ComparisonKindEnum }),
    status: t.expose('status', { type: ComparisonRunStatusEnum }),
    region: t.relation('region', { nullable: true }),
    asOf: t.expose('asOf', { type: 'Date' }),
    chunkSize: t.exposeInt('chunkSize'),
    chunkCount: t.exposeInt('chunkCount'),
    chunksDone: t.exposeInt('chunksDone'),
    householdCount: t.exposeInt('householdCount'),
    householdsDone: t.exposeInt('householdsDone'),
    progress: t.float({
      description: 'Households assessed ÷ households in the cohort, 0 to 1 (1 for an empty cohort).',
      resolve: (run) => (run.householdCount === 0 ? 1 : run.householdsDone / run.householdCount),
    }),
    householdsPerSecond: t.float({
      nullable: true,
      description: 'Households assessed per second since the run started; null until its first chunk is done.',
      resolve: (run) => householdsPerSecond(run),
    }),
    estimatedCompletionAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the run ended, or when it will at its pace so far; null until its first chunk is done.',
      resolve: (run) => estimatedCompletionAt(run),
    }),
    failure: t.exposeString('failure', { nullable: true }),
    startedBy: t.relation('startedBy', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    summary: t.field({
      type: ComparisonRunSummary,
      description: 'Households per classification and per flag, of the results written so far.',
      resolve: (run, _args, { services }) => services.comparisons.summarizeComparisonRun(run.id),
    }),
  }),
});

builder.queryField('comparisonRun', (t) =>
  t.prismaField({
    type: 'ComparisonRun',
    nullable: true,
    authScopes: read,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, { access, prisma }) => {
      const planned = { ...query };
      const run = await access.findReachableRun(String(args.id));
      return run ? prisma.comparisonRun.findUnique({ ...planned, where: { id: run.id } }) : null;
    },
  }),
);

builder.queryField('comparisonRuns', (t) =>
  t.prismaField({
    type: ['ComparisonRun'],
    description:
      "Comparison runs within the caller's reach, newest first; a `regionCode` outside its reach is refused.",
    authScopes: read,
    args: {
      kind: t.arg({ type: ComparisonKindEnum }),
      regionCode: t.arg.string(),
      first: t.arg.int({ defaultValue: 20 }),
    },
    resolve: async (query, _root, args, { access, prisma }) => {
      const planned = { ...query };
      if (args.regionCode) await access.regionFilter(args.regionCode, 'RUNS');
      const reachable = await access.reachableRunIds();
      return prisma.comparisonRun.findMany({
        ...planned,
        where: {
          ...(args.kind ? { kind: args.kind } : {}),
          ...(args.regionCode ? { regionCode: args.regionCode } : {}),
          ...(reachable === 'ALL' ? {} : { id: { in: [...reachable] } }),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: Math.min(Math.max(args.first ?? 20, 1), 100),
      });
    },
  }),
);

const StartComparisonRunInput = builder.inputType('StartComparisonRunInput', {
  fields: (t) => ({
    kind: t.field({ type: ComparisonKindEnum, required: true }),
    regionCode: t.string({ description: 'The region whose enrolled households (sub-regions included) are compared.' }),
    asOf: t.field({ type: 'Date', required: true, description: 'Income of its month, assets and deaths as at it.' }),
    householdIds: t.idList({ description: 'The applying households of an APPLICATION run.' }),
    chunkSize: t.int({ description: 'Households per chunk (default 5,000).' }),
  }),
});

builder.mutationField('startComparisonRun', (t) =>
  t.prismaField({
    type: 'ComparisonRun',
    description: 'Creates the run and its chunks and starts working through them; poll comparisonRun for progress.',
    authScopes: { can: 'comparisons:run' },
    args: { input: t.arg({ type: StartComparisonRunInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const planned = { ...query };
      await refuseOutsideReach(context, input.regionCode, input.householdIds?.map(String));
      const { id } = await context.services.comparisons.startComparisonRun(
        {
          kind: input.kind,
          regionCode: input.regionCode ?? null,
          asOf: input.asOf.toISOString().slice(0, 10),
          householdIds: input.householdIds?.map(String) ?? null,
          chunkSize: input.chunkSize ?? null,
        },
        viewerUserId(context),
      );
      return context.prisma.comparisonRun.findUniqueOrThrow({ ...planned, where: { id } });
    },
  }),
);

builder.mutationField('cancelComparisonRun', (t) =>
  t.prismaField({
    type: 'ComparisonRun',
    description: 'Stops a pending or running run: the chunks in hand finish, no other is started; results so far stay.',
    authScopes: { can: 'comparisons:run' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const planned = { ...query };
      const run = await context.access.findReachableRun(String(args.id));
      if (!run) throw notFoundError('no comparison run has that id');
      await context.services.comparisons.cancelComparisonRun(run.id);
      return context.prisma.comparisonRun.findUniqueOrThrow({ ...planned, where: { id: run.id } });
    },
  }),
);

// A run is started only within reach: a region outside it is refused; a household outside it is unknown, as one
// that does not exist would be.
async function refuseOutsideReach(context: Context, regionCode?: string | null, householdIds?: string[]) {
  if (regionCode) await context.access.regionFilter(regionCode, 'RUNS');
  const outside: string[] = [];
  for (const id of householdIds ?? []) {
    if (isUuid(id) && !(await context.access.reachesHousehold(id))) outside.push(id);
  }
  if (outside.length) {
    throw badUserInputError('UNKNOWN_HOUSEHOLD', `householdIds: no household ${outside.slice(0, 5).join(', ')}`, {
      householdIds: outside.slice(0, 20),
    });
  }
}
