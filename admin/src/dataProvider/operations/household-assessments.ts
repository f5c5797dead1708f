import { gql } from '@apollo/client';
import { HOUSEHOLD_SUMMARY } from '../../fields/household-summary.ts';
import type { ResourceOperations } from '../hub-operation.ts';
import { relayList } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';

export const HOUSEHOLD_ASSESSMENT = `runId householdId household { ${HOUSEHOLD_SUMMARY} } assessedAt classification countedMembers monthlyIncomeFen rigidExpenditureFen
  perCapitaIncomeFen financialAssetsFen standardMonthlyFen
  appliedRules { rule document paragraph holds figures }
  flags { code evidence { dataset asOf recordId snapshotId personId department { id name } facts { name value withheldItem } } }`;

export const householdAssessmentOperations = (cursors: RelayCursors): ResourceOperations => ({
  // A run's results, filtered by classification and flag on the server. Records are keyed by household.
  GET_LIST: relayList({
    resource: 'HouseholdAssessment',
    field: 'assessments',
    cursors,
    document: gql`query Assessments($runId: ID!, $classification: HouseholdClassification, $flag: AssessmentFlagCode, $first: Int, $after: String) {
      assessments(runId: $runId, classification: $classification, flag: $flag, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${HOUSEHOLD_ASSESSMENT} } }
      }
    }`,
    variables: (filter) => ({ runId: filter.runId, classification: filter.classification, flag: filter.flag }),
    toRecord: (assessment) => ({ ...assessment, id: assessment.householdId }),
  }),
});
