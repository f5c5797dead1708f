import { gql } from '@apollo/client';
import { HOUSEHOLD_SUMMARY } from '../../fields/household-summary.ts';
import type { ResourceOperations } from '../hub-operation.ts';
import { relayList } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';

const AUDIT_ENTRY = `id sequence occurredAt actorKind actorName department { id name } purpose operation decision
  subjectIdNumber subjectHouseholdId subjectHousehold { ${HOUSEHOLD_SUMMARY} } itemsDisclosed itemsDenied reason agreementIds requestId clientAddress entryHash
  event label change { reason changes { field oldValue newValue } }`;

const AUDIT_REQUEST = `requestId occurredAt lastSequence actorKind actorName department { id name } purpose operation
  label event decision entryCount`;

// A time still being typed is no filter yet (the input marks it invalid).
function instantOrNothing(value: unknown): string | undefined {
  const instant = typeof value === 'string' && value ? new Date(value) : null;
  return instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : undefined;
}

/** The audit screen's filter as the hub's AuditEntryFilter: blanks left out, the identity number as the hub wants it. */
export function auditEntryFilter(filter: Record<string, unknown>) {
  return {
    actorName: typeof filter.actorName === 'string' ? filter.actorName.trim() || undefined : undefined,
    decision: filter.decision || undefined,
    departmentId: filter.departmentId || undefined,
    itemCode: filter.itemCode || undefined,
    requestId: filter.requestId || undefined,
    subjectIdNumber:
      typeof filter.subjectIdNumber === 'string' ? filter.subjectIdNumber.trim().toUpperCase() || undefined : undefined,
    occurredFrom: instantOrNothing(filter.occurredFrom),
    occurredTo: instantOrNothing(filter.occurredTo),
    event: filter.event || undefined,
    includeBookkeeping: filter.includeBookkeeping === true ? true : undefined,
  };
}

export const auditEntryOperations = (cursors: RelayCursors): ResourceOperations => ({
  GET_LIST: relayList({
    resource: 'AuditEntry',
    field: 'auditEntries',
    cursors,
    document: gql`query AuditEntries($filter: AuditEntryFilter, $first: Int, $after: String) {
      auditEntries(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${AUDIT_ENTRY} } }
      }
    }`,
    variables: (filter) => ({ filter: auditEntryFilter(filter) }),
  }),
});

/** The audit screen's rows: one per request, its entries read when it is expanded (AuditEntry with requestId). */
export const auditRequestOperations = (cursors: RelayCursors): ResourceOperations => ({
  GET_LIST: relayList({
    resource: 'AuditRequest',
    field: 'auditRequests',
    cursors,
    document: gql`query AuditRequests($filter: AuditEntryFilter, $first: Int, $after: String) {
      auditRequests(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${AUDIT_REQUEST} } }
      }
    }`,
    variables: (filter) => ({ filter: auditEntryFilter(filter) }),
    toRecord: (node) => ({ ...node, id: node.requestId }),
  }),
});
