import { gql } from '@apollo/client';
import { deniedFieldsOf, type ResourceOperations } from '../hub-operation.ts';
import { relayList, single } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';

export const householdOperations = (cursors: RelayCursors): ResourceOperations => ({
  GET_LIST: relayList({
    resource: 'Household',
    field: 'households',
    cursors,
    document: gql`query Households($regionCode: String, $first: Int, $after: String) {
      households(regionCode: $regionCode, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage }
        edges { node { id address areaType memberCount region { code name } receivesMinimumLivingGuarantee } }
      }
    }`,
    variables: (filter) => ({ regionCode: filter.regionCode }),
  }),
  GET_ONE: single({
    field: 'household',
    document: gql`query Household($id: ID!) {
      household(id: $id) {
        id address areaType memberCount region { code name }
        receivesMinimumLivingGuarantee recognisedAsLowIncome
        currentAssistance { kind since status }
        assistanceCases { id kind status monthlyAmountFen startedOn endedOn gracePeriodEndsOn }
        members { id idNumber name sex birthDate relation }
      }
    }`,
    variables: ({ id }) => ({ id }),
    toRecord: (household, answer) => ({ ...household, deniedFields: deniedFieldsOf(answer.errors as never) }),
  }),
});
