import { ActorKind } from '@hub/prisma';
import { builder } from '../builder.ts';
import { CHANGE_EVENTS } from '../change-events.ts';
import { householdSubject } from '../disclosure/annotations.ts';
import { maskedIdNumber } from '../disclosure/masks.ts';
import { PurposeEnum } from '../purposes/purpose.ts';
import { householdDataOf, personalData } from '../scopes.ts';
import { AuditDecisionEnum, AuditEntryFilter, auditEntriesWhere } from './audit-entry-filter.ts';
import { AuditEventTypeEnum } from './audit-event-type.ts';
import { ChangeEvent, changeEventOf } from './change-event.ts';

const auditor = { auditor: true } as const;

export const ActorKindEnum = builder.enumType(ActorKind, { name: 'ActorKind' });

export const AuditEntry = builder.prismaObject('AuditEntry', {
  description:
    "One request's decisions about one subject (or one request about nobody): who asked, why, under which " +
    'agreements, which data items were disclosed or denied; or one administrative change (`event`, `change`). ' +
    'Append-only and hash-chained in sequence order.',
  authScopes: auditor,
  fields: (t) => ({
    sequence: t.string({ description: 'Its place in the chain.', resolve: (entry) => entry.sequence.toString() }),
    id: t.exposeID('id'),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    requestId: t.exposeString('requestId'),
    actorKind: t.expose('actorKind', { type: ActorKindEnum }),
    actorName: t.exposeString('actorName'),
    department: t.prismaField({
      type: 'Department',
      nullable: true,
      // Prisma batches the findUnique calls of one tick into one query.
      resolve: (query, entry, _args, { prisma }) =>
        entry.departmentId ? prisma.department.findUnique({ ...query, where: { id: entry.departmentId } }) : null,
    }),
    purpose: t.expose('purpose', { type: PurposeEnum, nullable: true }),
    agreementIds: t.exposeIDList('agreementIds'),
    subjectIdNumber: t.string({
      nullable: true,
      description: "The subject person's identity number, masked (640102********123X): auditors need no more.",
      resolve: async (entry, _args, { prisma }) => {
        if (!entry.subjectPersonId) return null;
        const person = await prisma.person.findUnique({
          where: { id: entry.subjectPersonId },
          select: { idNumber: true },
        });
        return person ? maskedIdNumber(person.idNumber) : null;
      },
    }),
    subjectHouseholdId: t.exposeID('subjectHouseholdId', { nullable: true }),
    subjectHousehold: t.prismaField({
      type: 'Household',
      nullable: true,
      description:
        'The subject household, for a reader who may see household data and reaches it (an administrator, masked as ' +
        'its agreements say); null for an auditor, who reads the trail and not the data.',
      authScopes: (entry) =>
        entry.subjectHouseholdId ? householdDataOf({ id: entry.subjectHouseholdId }) : personalData,
      unauthorizedResolver: () => null,
      resolve: async (query, entry, _args, { disclosures, prisma }) => {
        const planned = { ...query }; // read before the early null, which skips the query on purpose
        if (!entry.subjectHouseholdId) return null;
        disclosures.touch(householdSubject(entry.subjectHouseholdId));
        return prisma.household.findUnique({ ...planned, where: { id: entry.subjectHouseholdId } });
      },
    }),
    operation: t.exposeString('operation'),
    label: t.string({
      description: "What happened, for people: the change's label for an administrative change, else the operation.",
      resolve: (entry) => (entry.event ? CHANGE_EVENTS[entry.event].label : entry.operation),
    }),
    itemsDisclosed: t.exposeStringList('itemsDisclosed'),
    itemsDenied: t.exposeStringList('itemsDenied'),
    decision: t.expose('decision', { type: AuditDecisionEnum }),
    reason: t.exposeString('reason', { nullable: true, description: 'The denials, as ITEM:REASON, comma-separated.' }),
    clientAddress: t.exposeString('clientAddress', { nullable: true }),
    entryHash: t.exposeString('entryHash'),
    event: t.field({
      type: AuditEventTypeEnum,
      nullable: true,
      description: 'For an administrative change: its type; null for a request entry.',
      resolve: (entry) => entry.event,
    }),
    change: t.field({
      type: ChangeEvent,
      nullable: true,
      description: 'For an administrative change: what it did, with the reason and each field before and after.',
      resolve: (entry) => changeEventOf(entry),
    }),
  }),
});

builder.queryField('auditEntries', (t) =>
  t.prismaConnection(
    {
      type: 'AuditEntry',
      cursor: 'sequence',
      nullable: true,
      description:
        'The audit trail, newest first, without bookkeeping unless asked for. With `subjectIdNumber`: who saw what ' +
        'about that person, when and why.',
      authScopes: auditor,
      args: { filter: t.arg({ type: AuditEntryFilter }) },
      totalCount: async (_connection, args, context) =>
        context.prisma.auditEntry.count({ where: await auditEntriesWhere(args.filter, context) }),
      resolve: async (query, _root, args, context) =>
        context.prisma.auditEntry.findMany({
          ...query,
          where: await auditEntriesWhere(args.filter, context),
          orderBy: { sequence: 'desc' },
        }),
    },
    { name: 'AuditEntryConnection' },
    { name: 'AuditEntryEdge' },
  ),
);
