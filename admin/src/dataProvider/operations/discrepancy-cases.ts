import { gql } from '@apollo/client';
import { deniedFieldsOf, type ResourceOperations } from '../hub-operation.ts';
import { relayList, single } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';
import { HOUSEHOLD_ASSESSMENT } from './household-assessments.ts';

// The inbox row: the household by its head's name (as the hub masks it) and region, never by its id. Its members
// carry their ids: react-admin shows a listed row as the case screen's first render, whose table keys rows by id.
export const DISCREPANCY_CASE_SUMMARY = `id status kind flags dueOn overdue openedAt assigneeId assigneeName
  office { code name } household { id region { code name } members { id name relation } }`;

export const DISCREPANCY_CASE = `${DISCREPANCY_CASE_SUMMARY}
  deadlineWorkingDays outcome action dismissalReason decisionNote decidedById decidedAt decidedInTime
  appealableUntil appealedAt appealDecidedById appealDecidedAt closure closedAt remindedAt escalatedAt
  escalatedToRegionCode
  household { id address region { code name } members { id name idNumber relation } }
  findings { runId flags createdAt assessment { ${HOUSEHOLD_ASSESSMENT} } }
  events { id type occurredAt actorName details }
  attachments { id fileName mediaType sizeBytes sha256 addedAt }`;

/** The inbox's quick filters and its status and flag filters, as the hub's DiscrepancyCaseFilter. */
export function discrepancyCaseFilter(filter: Record<string, unknown>) {
  const inbox = filter.inbox;
  return {
    mine: inbox === 'MINE' || undefined,
    overdue: inbox === 'OVERDUE' || undefined,
    dueWithinDays: inbox === 'DUE_THIS_WEEK' ? 7 : undefined,
    status: filter.status || undefined,
    flag: filter.flag || undefined,
  };
}

export const discrepancyCaseOperations = (cursors: RelayCursors): ResourceOperations => ({
  GET_LIST: relayList({
    resource: 'DiscrepancyCase',
    field: 'discrepancyCases',
    cursors,
    document: gql`query DiscrepancyCases($filter: DiscrepancyCaseFilter, $first: Int, $after: String) {
      discrepancyCases(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${DISCREPANCY_CASE_SUMMARY} } }
      }
    }`,
    variables: (filter) => ({ filter: discrepancyCaseFilter(filter) }),
  }),
  GET_ONE: single({
    field: 'discrepancyCase',
    document: gql`query DiscrepancyCase($id: ID!) { discrepancyCase(id: $id) { ${DISCREPANCY_CASE} } }`,
    variables: ({ id }) => ({ id }),
    toRecord: (found, answer) => ({ ...found, deniedFields: deniedFieldsOf(answer.errors as never) }),
  }),
});
