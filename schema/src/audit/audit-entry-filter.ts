import { AuditDecision, type Prisma } from '@hub/prisma';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { validIdNumber } from '../persons/id-number-argument.ts';
import { isUuid } from '../uuid.ts';
import { AuditEventTypeEnum } from './audit-event-type.ts';

export const AuditDecisionEnum = builder.enumType(AuditDecision, {
  name: 'AuditDecision',
  description: 'ALLOWED: everything asked was disclosed; DENIED: nothing was; PARTIAL: some items were refused.',
});

export const AuditEntryFilter = builder.inputType('AuditEntryFilter', {
  description: 'Every field given narrows the entries; an entry matches when it matches them all.',
  fields: (t) => ({
    departmentId: t.id({ description: "The caller's department." }),
    actorName: t.string({ description: "A user's username, an API client's client id, or 'anonymous'." }),
    subjectIdNumber: t.string({
      description: "Entries about this person and about this person's household: who saw what about them.",
    }),
    itemCode: t.string({ description: 'A data item that was disclosed or denied.' }),
    requestId: t.string({ description: "One request's entries (its `requestId`, as `auditRequests` groups them)." }),
    decision: t.field({ type: AuditDecisionEnum }),
    occurredFrom: t.field({ type: 'DateTime', description: 'From this instant, inclusive.' }),
    occurredTo: t.field({ type: 'DateTime', description: 'Up to this instant, inclusive.' }),
    event: t.field({ type: AuditEventTypeEnum, description: 'Administrative changes of this type only.' }),
    changesOnly: t.boolean({ description: 'Administrative changes only (entries with an event).' }),
    includeBookkeeping: t.boolean({
      defaultValue: false,
      description:
        'Also the bookkeeping hidden by default: allowed requests about nobody that disclosed and refused nothing ' +
        '(introspection, log-ins, the portal refreshing its lists and dashboard).',
    }),
  }),
});

type AuditEntryFilterInput = typeof AuditEntryFilter.$inferInput;

const NOTHING: Prisma.AuditEntryWhereInput = { sequence: { lt: 0 } };

// Bookkeeping: a request about nobody, allowed, that disclosed and refused nothing and changed nothing.
const NOT_BOOKKEEPING: Prisma.AuditEntryWhereInput = {
  NOT: {
    subjectPersonId: null,
    subjectHouseholdId: null,
    event: null,
    decision: 'ALLOWED',
    itemsDisclosed: { isEmpty: true },
    itemsDenied: { isEmpty: true },
  },
};

/**
 * The filter as a Prisma condition. Looking up a person's history is itself a look at that person, so the
 * request touches them and its own audit entry lands in their history.
 */
export async function auditEntriesWhere(
  filter: AuditEntryFilterInput | null | undefined,
  context: Context,
): Promise<Prisma.AuditEntryWhereInput> {
  const conditions: Prisma.AuditEntryWhereInput[] = filter?.includeBookkeeping ? [] : [NOT_BOOKKEEPING];
  if (!filter) return { AND: conditions };
  if (filter.departmentId != null) {
    const departmentId = String(filter.departmentId);
    conditions.push(isUuid(departmentId) ? { departmentId } : NOTHING);
  }
  if (filter.actorName != null) conditions.push({ actorName: filter.actorName });
  if (filter.subjectIdNumber != null) {
    const idNumber = validIdNumber(filter.subjectIdNumber);
    const person = await context.prisma.person.findUnique({
      where: { idNumber },
      select: { id: true, householdId: true },
    });
    if (!person) return NOTHING;
    context.disclosures.touch({ subjectPersonId: person.id, subjectHouseholdId: null });
    conditions.push({
      OR: [{ subjectPersonId: person.id }, ...(person.householdId ? [{ subjectHouseholdId: person.householdId }] : [])],
    });
  }
  if (filter.itemCode != null) {
    conditions.push({ OR: [{ itemsDisclosed: { has: filter.itemCode } }, { itemsDenied: { has: filter.itemCode } }] });
  }
  if (filter.requestId != null) conditions.push({ requestId: filter.requestId });
  if (filter.decision != null) conditions.push({ decision: filter.decision });
  if (filter.occurredFrom != null) conditions.push({ occurredAt: { gte: filter.occurredFrom } });
  if (filter.occurredTo != null) conditions.push({ occurredAt: { lte: filter.occurredTo } });
  if (filter.event != null) conditions.push({ event: filter.event });
  if (filter.changesOnly) conditions.push({ event: { not: null } });
  return { AND: conditions };
}
