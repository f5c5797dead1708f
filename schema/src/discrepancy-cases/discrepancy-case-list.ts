import type { Prisma } from '@hub/prisma';
import { builder } from '../builder.ts';
import { AssessmentFlagCodeEnum } from '../comparisons/comparison-enums.ts';
import type { Context } from '../context.ts';
import { badUserInputError } from '../errors.ts';
import { viewerUserId } from '../scopes.ts';
import { AWAITING_DECISION, CASE_WORKERS, casesWithinReach } from './discrepancy-case.ts';
import { DiscrepancyCaseStatusEnum } from './discrepancy-case-enums.ts';

export const DiscrepancyCaseFilter = builder.inputType('DiscrepancyCaseFilter', {
  description: 'Every condition given must hold.',
  fields: (t) => ({
    mine: t.boolean({ description: 'Only the cases assigned to you.' }),
    office: t.string({ description: 'Only the cases of offices within this region (refused outside your reach).' }),
    overdue: t.boolean({ description: 'true: only cases waiting for a decision past their due date.' }),
    dueWithinDays: t.int({ description: 'Only cases waiting for a decision, due from today to this many days on.' }),
    status: t.field({ type: DiscrepancyCaseStatusEnum }),
    flag: t.field({ type: AssessmentFlagCodeEnum }),
  }),
});

const day = (value: string) => new Date(`${value}T00:00:00Z`);

type Filter = typeof DiscrepancyCaseFilter.$inferInput;

/** The cases a filter selects within the caller's offices. */
export async function discrepancyCasesWhere(
  context: Context,
  filter: Filter | null | undefined,
): Promise<Prisma.DiscrepancyCaseWhereInput> {
  const cases = context.services.discrepancyCases;
  const and: Prisma.DiscrepancyCaseWhereInput[] = [await casesWithinReach(context)];
  if (filter?.mine) and.push({ assigneeId: viewerUserId(context) });
  if (filter?.office) {
    and.push({ officeRegionCode: { in: [...(await context.access.regionFilter(filter.office, 'RUNS'))] } });
  }
  if (filter?.status) and.push({ status: filter.status });
  if (filter?.flag) and.push({ flags: { has: filter.flag } });
  if (filter?.overdue === true) and.push({ status: { in: AWAITING_DECISION }, dueOn: { lt: day(cases.today()) } });
  if (filter?.overdue === false) {
    and.push({ NOT: { status: { in: AWAITING_DECISION }, dueOn: { lt: day(cases.today()) } } });
  }
  if (filter?.dueWithinDays != null) {
    if (filter.dueWithinDays < 0 || filter.dueWithinDays > 366) {
      throw badUserInputError('OUT_OF_RANGE', 'dueWithinDays: from 0 to 366', { field: 'dueWithinDays' });
    }
    and.push({
      status: { in: AWAITING_DECISION },
      dueOn: { gte: day(cases.today()), lte: day(cases.dueWithin(filter.dueWithinDays)) },
    });
  }
  return { AND: and };
}

builder.queryField('discrepancyCases', (t) =>
  t.prismaConnection(
    {
      type: 'DiscrepancyCase',
      cursor: 'id',
      description: 'The cases of the offices within your reach, the soonest due first; with their total count.',
      authScopes: CASE_WORKERS,
      args: { filter: t.arg({ type: DiscrepancyCaseFilter }) },
      totalCount: async (_connection, args, context) =>
        context.prisma.discrepancyCase.count({ where: await discrepancyCasesWhere(context, args.filter) }),
      resolve: async (query, _root, args, context) =>
        context.prisma.discrepancyCase.findMany({
          ...query,
          where: await discrepancyCasesWhere(context, args.filter),
          orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        }),
    },
    { name: 'DiscrepancyCaseConnection' },
    { name: 'DiscrepancyCaseEdge' },
  ),
);
