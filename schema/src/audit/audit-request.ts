import type { AuditDecision, AuditEntry as AuditEntryRow, AuditEventType, Prisma } from '@hub/prisma';
import { builder } from '../builder.ts';
import { CHANGE_EVENTS } from '../change-events.ts';
import { Department } from '../departments/department.ts';
import { badUserInputError } from '../errors.ts';
import { PurposeEnum } from '../purposes/purpose.ts';
import { ActorKindEnum } from './audit-entry.ts';
import { AuditDecisionEnum, AuditEntryFilter, auditEntriesWhere } from './audit-entry-filter.ts';
import { AuditEventTypeEnum } from './audit-event-type.ts';

const auditor = { auditor: true } as const;
const PAGE = { default: 25, max: 100 };

/** One request as the trail groups it: its newest matching entry stands for it, with the group's summary. */
interface AuditRequestShape {
  newest: AuditEntryRow;
  /** The administrative change one of its matching entries records (the newest such), if any. */
  event: AuditEventType | null;
  firstOccurredAt: Date;
  entryCount: number;
  decision: AuditDecision;
}

const AuditRequest = builder.objectRef<AuditRequestShape>('AuditRequest').implement({
  description:
    "One request's entries in the audit trail, grouped as the audit screen shows them: who asked, what, when, and " +
    'how it was decided. Its entries are `auditEntries(filter: { requestId })`.',
  authScopes: auditor,
  fields: (t) => ({
    requestId: t.string({ resolve: (request) => request.newest.requestId }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When its first matching entry was written.',
      resolve: (request) => request.firstOccurredAt,
    }),
    lastSequence: t.string({
      description: 'The chain place of its newest matching entry (the requests are ordered by it, newest first).',
      resolve: (request) => request.newest.sequence.toString(),
    }),
    actorKind: t.field({ type: ActorKindEnum, resolve: (request) => request.newest.actorKind }),
    actorName: t.string({ resolve: (request) => request.newest.actorName }),
    department: t.field({
      type: Department,
      nullable: true,
      resolve: (request, _args, { prisma }) =>
        request.newest.departmentId
          ? prisma.department.findUnique({ where: { id: request.newest.departmentId } })
          : null,
    }),
    purpose: t.field({ type: PurposeEnum, nullable: true, resolve: (request) => request.newest.purpose }),
    operation: t.string({
      description: 'The GraphQL operation name (or the plain route) of the request, as the trail records it.',
      resolve: (request) => request.newest.operation,
    }),
    label: t.string({
      description: "What happened, for people: the change's label for an administrative change, else the operation.",
      resolve: ({ newest, event }) => (event ? CHANGE_EVENTS[event].label : newest.operation),
    }),
    event: t.field({
      type: AuditEventTypeEnum,
      nullable: true,
      description:
        'The administrative change the request made, when one of its matching entries records one (a mutation ' +
        'leaves its typed change beside its request entry); null for a request that changed nothing.',
      resolve: (request) => request.event,
    }),
    decision: t.field({
      type: AuditDecisionEnum,
      description: 'ALLOWED when every matching entry was allowed, DENIED when every one was denied, else PARTIAL.',
      resolve: (request) => request.decision,
    }),
    entryCount: t.int({ description: 'Its entries that match the filter.', resolve: (request) => request.entryCount }),
  }),
});

// The decisions of a request's entries, from the least and the greatest (the enum orders ALLOWED < PARTIAL < DENIED).
function decisionOf(least: AuditDecision | null | undefined, greatest: AuditDecision | null | undefined) {
  return least && least === greatest ? least : 'PARTIAL';
}

function afterSequence(after: string | null | undefined): bigint | null {
  if (after == null) return null;
  if (!/^[1-9][0-9]{0,18}$/.test(after)) {
    throw badUserInputError('INVALID_ARGUMENT', 'after: the endCursor of a previous page of auditRequests', {
      field: 'after',
    });
  }
  return BigInt(after);
}

builder.queryField('auditRequests', (t) =>
  t.connection(
    {
      type: AuditRequest,
      nullable: true,
      description:
        'The audit trail grouped by request, newest first: one row per request whose entries match the filter ' +
        '(without bookkeeping unless asked for). Pages forward only (`first`, 1–100, and `after`).',
      authScopes: auditor,
      args: { filter: t.arg({ type: AuditEntryFilter }) },
      resolve: async (_root, args, context) => {
        if (args.last != null || args.before != null) {
          throw badUserInputError('INVALID_ARGUMENT', 'auditRequests pages forward only: use first and after', {
            field: args.last != null ? 'last' : 'before',
          });
        }
        const first = args.first ?? PAGE.default;
        if (first < 1 || first > PAGE.max) {
          throw badUserInputError('OUT_OF_RANGE', `first: ask for 1 to ${PAGE.max} requests`, { field: 'first' });
        }
        const after = afterSequence(args.after);
        const where: Prisma.AuditEntryWhereInput = await auditEntriesWhere(args.filter, context);
        const [groups, all] = await Promise.all([
          context.prisma.auditEntry.groupBy({
            by: ['requestId'],
            where,
            _max: { sequence: true, decision: true },
            _min: { occurredAt: true, decision: true },
            _count: { _all: true },
            ...(after === null ? {} : { having: { sequence: { _max: { lt: after } } } }),
            orderBy: { _max: { sequence: 'desc' } },
            take: first + 1,
          }),
          context.prisma.auditEntry.groupBy({ by: ['requestId'], where }),
        ]);
        const page = groups.slice(0, first);
        const sequences = page.flatMap((group) => (group._max.sequence == null ? [] : [group._max.sequence]));
        const requestIds = page.map((group) => group.requestId);
        const [rows, changes] = await Promise.all([
          context.prisma.auditEntry.findMany({ where: { sequence: { in: sequences } } }),
          context.prisma.auditEntry.findMany({
            where: { AND: [where, { requestId: { in: requestIds } }, { event: { not: null } }] },
            select: { requestId: true, event: true },
            orderBy: { sequence: 'asc' },
          }),
        ]);
        const newest = new Map(rows.map((entry) => [entry.requestId, entry]));
        const events = new Map(changes.map((change) => [change.requestId, change.event]));
        const edges = page.flatMap((group) => {
          const entry = newest.get(group.requestId);
          if (!entry) return [];
          const node: AuditRequestShape = {
            newest: entry,
            event: events.get(group.requestId) ?? null,
            firstOccurredAt: group._min.occurredAt ?? entry.occurredAt,
            entryCount: group._count._all,
            decision: decisionOf(group._min.decision, group._max.decision),
          };
          return [{ cursor: entry.sequence.toString(), node }];
        });
        return {
          edges,
          totalCount: all.length,
          pageInfo: {
            hasNextPage: groups.length > first,
            hasPreviousPage: after !== null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      },
    },
    {
      name: 'AuditRequestConnection',
      fields: (c) => ({
        totalCount: c.int({
          description: 'The requests that match the filter.',
          resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { name: 'AuditRequestEdge' },
  ),
);
