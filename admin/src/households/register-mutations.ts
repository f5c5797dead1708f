import { gql } from '@apollo/client';

// The register's one-record edits (docs/register.md); each answers with the household or case as the caller reads it.
export const ADD_HOUSEHOLD_MEMBER = gql`mutation AddHouseholdMember($householdId: ID!, $joinedOn: Date!, $member: RegisterMemberInput!) {
  addHouseholdMember(householdId: $householdId, joinedOn: $joinedOn, member: $member) { id }
}`;

export const END_HOUSEHOLD_MEMBERSHIP = gql`mutation EndHouseholdMembership($householdId: ID!, $idNumber: String!, $leftOn: Date!) {
  endHouseholdMembership(householdId: $householdId, idNumber: $idNumber, leftOn: $leftOn) { id }
}`;

export const RECORD_ASSISTANCE_CASE = gql`mutation RecordAssistanceCase($input: RecordAssistanceCaseInput!) {
  recordAssistanceCase(input: $input) { id }
}`;

export const UPDATE_ASSISTANCE_CASE = gql`mutation UpdateAssistanceCase($id: ID!, $input: UpdateAssistanceCaseInput!) {
  updateAssistanceCase(id: $id, input: $input) { id status }
}`;

/** Today in China Standard Time, as a form's default date. */
export const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
