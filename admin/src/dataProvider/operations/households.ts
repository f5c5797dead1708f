import { gql } from '@apollo/client';
import { withFieldProblems } from '../field-problems.ts';
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
        edges {
          node {
            id address areaType memberCount region { code name } receivesMinimumLivingGuarantee
            members { name relation }
          }
        }
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
        ${HOUSEHOLD_REGISTER_FIELDS}
        members { id idNumber name sex birthDate relation }
      }
    }`,
    variables: ({ id }) => ({ id }),
    toRecord: (household, answer) => ({
      ...household,
      regionCode: household.region?.code,
      deniedFields: deniedFieldsOf(answer.errors as never),
    }),
  }),
  UPDATE: withFieldProblems(UPDATE),
  CREATE: withFieldProblems(
    single({
      field: 'registerHousehold',
      document: gql`mutation RegisterHousehold($input: RegisterHouseholdInput!) {
      registerHousehold(input: $input) { id address areaType region { code name } }
    }`,
      variables: ({ data }) => ({
        input: {
          regionCode: data.regionCode,
          areaType: data.areaType,
          address: String(data.address ?? '').trim(),
          registerNumber: String(data.registerNumber ?? '').trim() || null,
          validFrom: data.validFrom,
          members: (data.members ?? []).map((member: { idNumber?: string; name?: string; relation?: string }) => ({
            idNumber: String(member.idNumber ?? '')
              .trim()
              .toUpperCase(),
            name: String(member.name ?? '').trim(),
            relation: member.relation,
          })),
        },
      }),
    }),
  ),
});

const UPDATE = single({
  field: 'updateHousehold',
  document: gql`mutation UpdateHousehold($id: ID!, $input: UpdateHouseholdInput!) {
    updateHousehold(id: $id, input: $input) { id address areaType registerNumber region { code name } }
  }`,
  variables: ({ id, data }) => ({
    id,
    input: {
      regionCode: data.regionCode,
      areaType: data.areaType,
      address: String(data.address ?? '').trim(),
      registerNumber: String(data.registerNumber ?? '').trim(),
    },
  }),
  toRecord: (household) => ({ ...household, regionCode: household.region?.code }),
});

/** What the register screen shows and edits: the composition's history and every case. */
export const HOUSEHOLD_REGISTER_FIELDS = `registerNumber
  memberships { id relation validFrom validTo person { id idNumber name } }
  assistanceCases {
    id caseNumber kind status monthlyAmountFen startedOn endedOn gracePeriodStartedOn gracePeriodEndsOn
    singlePerson { idNumber name }
  }`;
