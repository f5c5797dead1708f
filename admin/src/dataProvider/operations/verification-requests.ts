import { gql } from '@apollo/client';
import { withFieldProblems } from '../field-problems.ts';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, single } from '../list-operations.ts';
import { submitVerificationRequestInput } from './verification-request-input.ts';

const SUMMARY = 'id reference kind status submittedOn householdId comparisonRunId classification';

const list = arrayList({
  field: 'verificationRequests',
  document: gql`query VerificationRequests($status: VerificationRequestStatus) {
    verificationRequests(status: $status) { ${SUMMARY} }
  }`,
  variables: (filter) => ({ status: filter.status }),
});

export const verificationRequestOperations: ResourceOperations = {
  // The hub answers the office's latest 200 at most: a short list by nature, paged here.
  GET_LIST: list,
  GET_ONE: single({
    field: 'verificationRequest',
    document: gql`query VerificationRequest($id: ID!) {
      verificationRequest(id: $id) {
        ${SUMMARY} flags authorisationFileName authorisationSha256 authorisationSignedOn
        members { idNumber relation isSeverelyDisabled isCriticallyIll signedAuthorisation }
        report {
          category memberIdNumber source declaredFen foundFen differenceFen
          evidence { departmentId dataset snapshotId recordId amountFen }
        }
      }
    }`,
    variables: ({ id }) => ({ id }),
  }),
  CREATE: withFieldProblems(
    single({
      field: 'submitVerificationRequest',
      document: gql`mutation SubmitVerificationRequest($input: SubmitVerificationRequestInput!) {
      submitVerificationRequest(input: $input) { ${SUMMARY} }
    }`,
      variables: ({ data }) => ({ input: submitVerificationRequestInput(data) }),
    }),
    (path) =>
      path
        .replace(/^items\.(\d+)\.amountFen$/, 'items.$1.amountYuan')
        .replace(/^authorisation\.(contentBase64|fileName|mediaType)$/, 'authorisation.file')
        .replace(/^authorisation\.signedBy.*$/, 'authorisation.signedOn'),
  ),
};
