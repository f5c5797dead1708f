import { builder } from '../builder.ts';
import { notFoundError } from '../errors.ts';
import { viewerUserId } from '../scopes.ts';
import { isUuid } from '../uuid.ts';
import { ComparisonKindEnum } from './comparison-enums.ts';

const read = { can: 'comparisons:read' } as const;
const run = { can: 'comparisons:run' } as const;

export const ComparisonSchedule = builder.prismaObject('ComparisonSchedule', {
  description:
    "A region's comparison that starts by itself at midnight, China Standard Time, on `dayOfMonth` of each of " +
    '`months` (在保对象每年至少比对2次: twice a year unless set otherwise), as of the last day of the month before.',
  authScopes: (schedule) => ({ ...read, reachesRegion: schedule.regionCode }),
  fields: (t) => ({
    id: t.exposeID('id'),
    region: t.relation('region'),
    kind: t.expose('kind', { type: ComparisonKindEnum }),
    months: t.exposeIntList('months', { description: 'Months of the year (1–12) it runs in.' }),
    dayOfMonth: t.exposeInt('dayOfMonth'),
    enabled: t.exposeBoolean('enabled'),
    nextRunAt: t.expose('nextRunAt', { type: 'DateTime', description: 'When a worker starts its next run.' }),
    lastRun: t.relation('lastRun', { nullable: true }),
    lastRunAt: t.expose('lastRunAt', { type: 'DateTime', nullable: true }),
    lastFailure: t.exposeString('lastFailure', {
      nullable: true,
      description: 'Why its last run could not be started; it tries again an hour later.',
    }),
    createdBy: t.relation('createdBy', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('comparisonSchedules', (t) =>
  t.prismaField({
    type: ['ComparisonSchedule'],
    description:
      "Scheduled comparisons within the caller's reach, by region and kind; disabled ones too unless `enabled` is given.",
    authScopes: read,
    args: { regionCode: t.arg.string(), enabled: t.arg.boolean() },
    resolve: async (query, _root, args, { access, prisma }) => {
      const planned = { ...query };
      if (args.regionCode) await access.regionFilter(args.regionCode, 'RUNS');
      const reach = await access.reachableRegions();
      return prisma.comparisonSchedule.findMany({
        ...planned,
        where: {
          AND: [
            args.regionCode ? { regionCode: args.regionCode } : {},
            reach === 'ALL' ? {} : { regionCode: { in: [...reach] } },
            args.enabled == null ? {} : { enabled: args.enabled },
          ],
        },
        orderBy: [{ regionCode: 'asc' }, { kind: 'asc' }],
      });
    },
  }),
);

const SetComparisonScheduleInput = builder.inputType('SetComparisonScheduleInput', {
  fields: (t) => ({
    regionCode: t.string({ required: true, description: 'The region whose enrolled households are compared.' }),
    kind: t.field({ type: ComparisonKindEnum, description: 'A regional kind; PERIODIC_REVIEW unless given.' }),
    months: t.intList({ description: 'Months of the year, 1–12 (default 1 and 7); a periodic review needs two.' }),
    dayOfMonth: t.int({ description: 'Day of those months, 1–28 (default 1).' }),
  }),
});

builder.mutationField('setComparisonSchedule', (t) =>
  t.prismaField({
    type: 'ComparisonSchedule',
    description: "Schedules a region's comparison of one kind, replacing (and enabling) the one it had.",
    authScopes: run,
    args: { input: t.arg({ type: SetComparisonScheduleInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const planned = { ...query };
      await context.access.regionFilter(input.regionCode, 'RUNS');
      const { id } = await context.services.comparisons.setComparisonSchedule(
        {
          regionCode: input.regionCode,
          kind: input.kind ?? null,
          months: input.months ?? null,
          dayOfMonth: input.dayOfMonth ?? null,
        },
        viewerUserId(context),
      );
      return context.prisma.comparisonSchedule.findUniqueOrThrow({ ...planned, where: { id } });
    },
  }),
);

builder.mutationField('disableComparisonSchedule', (t) =>
  t.prismaField({
    type: 'ComparisonSchedule',
    description: 'Stops a schedule from starting runs; the runs it started stay.',
    authScopes: run,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const planned = { ...query };
      const id = String(args.id);
      // Another region's schedule is not there for the caller.
      const schedule = isUuid(id)
        ? await context.prisma.comparisonSchedule.findUnique({ where: { id }, select: { regionCode: true } })
        : null;
      if (!schedule || !(await context.access.reachesRegion(schedule.regionCode))) {
        throw notFoundError('no comparison schedule has that id');
      }
      await context.services.comparisons.disableComparisonSchedule(id);
      return context.prisma.comparisonSchedule.findUniqueOrThrow({ ...planned, where: { id } });
    },
  }),
);
