import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { relayList } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';

const AUDIT_ENTRY = `id sequence occurredAt actorKind actorName department { id name } purpose operation decision
  subjectIdNumber subjectHouseholdId itemsDisclosed itemsDenied reason agreementIds requestId clientAddress entryHash
  event label change { reason changes { field oldValue newValue } }`;

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
    variables: (filter) => ({
      filter: {
        actorName: filter.actorName || undefined,
        decision: filter.decision || undefined,
        departmentId: filter.departmentId || undefined,
        itemCode: filter.itemCode || undefined,
        subjectIdNumber:
          typeof filter.subjectIdNumber === 'string'
            ? filter.subjectIdNumber.trim().toUpperCase() || undefined
            : undefined,
        occurredFrom: filter.occurredFrom ? new Date(filter.occurredFrom as string).toISOString() : undefined,
        occurredTo: filter.occurredTo ? new Date(filter.occurredTo as string).toISOString() : undefined,
        event: filter.event || undefined,
        includeBookkeeping: filter.includeBookkeeping === true ? true : undefined,
      },
    }),
  }),
});
