import type { DiscrepancyCaseStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import { AssessmentFlagCodeEnum, ComparisonKindEnum } from '../comparisons/comparison-enums.ts';
import type { Context } from '../context.ts';
import { isUuid } from '../uuid.ts';
import {
  DiscrepancyCaseActionEnum,
  DiscrepancyCaseClosureEnum,
  DiscrepancyCaseOutcomeEnum,
  DiscrepancyCaseStatusEnum,
  DiscrepancyDismissalReasonEnum,
} from './discrepancy-case-enums.ts';

export const CASE_WORKERS = { can: 'discrepancyCases:work' } as const;

/** The statuses in which a case waits for a decision: only these can be overdue. */
export const AWAITING_DECISION: DiscrepancyCaseStatus[] = ['OPEN', 'IN_PROGRESS', 'APPEALED'];

const day = (value: string) => new Date(`${value}T00:00:00Z`);

export const isOverdue = (context: Context, found: { status: DiscrepancyCaseStatus; dueOn: Date }) =>
  AWAITING_DECISION.includes(found.status) && found.dueOn < day(context.services.discrepancyCases.today());

/** The where-clause of the cases within the caller's offices (the access door's): none when it reaches no office. */
export async function casesWithinReach(context: Context) {
  const offices = [...(await context.access.discrepancyCaseOffices())];
  return { OR: [{ officeRegionCode: { in: offices } }, { escalatedToRegionCode: { in: offices } }] };
}

export const DiscrepancyCase = builder.prismaObject('DiscrepancyCase', {
  description:
    'A doubt (疑点) about one household that its township office must settle: opened by a completed run’s flags, ' +
    'due in official working days, worked by a home visit and the household’s explanation, decided, open to one ' +
    '复查 decided by another officer, and closed.',
  authScopes: CASE_WORKERS,
  fields: (t) => ({
    id: t.exposeID('id'),
    household: t.relation('household'),
    officeRegionCode: t.exposeString('officeRegionCode', { description: 'The township office (乡镇/街道).' }),
    office: t.relation('office'),
    escalatedToRegionCode: t.exposeString('escalatedToRegionCode', {
      nullable: true,
      description: 'The county office it was escalated to when overdue.',
    }),
    kind: t.expose('kind', { type: ComparisonKindEnum, description: 'The kind of run that opened it.' }),
    status: t.expose('status', { type: DiscrepancyCaseStatusEnum }),
    flags: t.expose('flags', { type: [AssessmentFlagCodeEnum], description: 'Every flag raised while open.' }),
    openedByRunId: t.exposeID('openedByRunId'),
    latestRunId: t.exposeID('latestRunId'),
    assigneeId: t.exposeID('assigneeId', { nullable: true }),
    assigneeName: t.string({
      nullable: true,
      select: { assignee: { select: { displayName: true } } },
      resolve: (found) => found.assignee?.displayName ?? null,
    }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    dueOn: t.expose('dueOn', {
      type: 'Date',
      description: 'The last working day to decide by (of the 复查, once appealed), China Standard Time.',
    }),
    deadlineWorkingDays: t.exposeInt('deadlineWorkingDays'),
    overdue: t.boolean({
      description: 'Waiting for a decision past its due date.',
      select: { status: true, dueOn: true },
      resolve: (found, _args, context) => isOverdue(context, found),
    }),
    outcome: t.expose('outcome', { type: DiscrepancyCaseOutcomeEnum, nullable: true }),
    action: t.expose('action', { type: DiscrepancyCaseActionEnum, nullable: true }),
    dismissalReason: t.expose('dismissalReason', { type: DiscrepancyDismissalReasonEnum, nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
    decidedById: t.exposeID('decidedById', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decidedInTime: t.exposeBoolean('decidedInTime', { nullable: true }),
    appealableUntil: t.expose('appealableUntil', { type: 'Date', nullable: true }),
    appealedAt: t.expose('appealedAt', { type: 'DateTime', nullable: true }),
    appealDecidedById: t.exposeID('appealDecidedById', { nullable: true }),
    appealDecidedAt: t.expose('appealDecidedAt', { type: 'DateTime', nullable: true }),
    closure: t.expose('closure', { type: DiscrepancyCaseClosureEnum, nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    clearedByRunId: t.exposeID('clearedByRunId', { nullable: true }),
    remindedAt: t.expose('remindedAt', { type: 'DateTime', nullable: true }),
    escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true }),
    findings: t.relation('findings', { query: { orderBy: { createdAt: 'asc' } } }),
    events: t.relation('events', {
      description: 'The timeline, oldest first.',
      query: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
    }),
    attachments: t.relation('attachments', { query: { orderBy: { addedAt: 'asc' } } }),
    referrals: t.relation('referrals', {
      description: '转介: the departments the household was referred to, and their answers.',
      query: { orderBy: [{ referredAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.queryField('discrepancyCase', (t) =>
  t.prismaField({
    type: 'DiscrepancyCase',
    nullable: true,
    description: 'One case of an office within your reach; another office’s looks exactly like none.',
    authScopes: CASE_WORKERS,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const id = String(args.id);
      if (!isUuid(id)) return null;
      return context.prisma.discrepancyCase.findFirst({
        ...query,
        where: { id, ...(await casesWithinReach(context)) },
      });
    },
  }),
);
