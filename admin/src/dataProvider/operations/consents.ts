import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, single } from '../list-operations.ts';

export const CONSENT = `id personIdNumber purposes signedOn expiresOn withdrawnAt documentReference createdAt
  department { id name } recordedBy { displayName }`;

const list = arrayList({
  field: 'consents',
  document: gql`query Consents($personIdNumber: String!) { consents(personIdNumber: $personIdNumber) { ${CONSENT} } }`,
  variables: (filter) => ({ personIdNumber: filter.personIdNumber }),
});

export const consentOperations: ResourceOperations = {
  GET_LIST: list,
  CREATE: single({
    field: 'recordConsent',
    document: gql`mutation RecordConsent($input: RecordConsentInput!) { recordConsent(input: $input) { ${CONSENT} } }`,
    variables: ({ data }) => ({
      input: {
        personIdNumber: data.personIdNumber?.trim().toUpperCase(),
        purposes: data.purposes,
        signedOn: data.signedOn,
        expiresOn: data.expiresOn,
        documentReference: data.documentReference,
        departmentId: data.departmentId || null,
      },
    }),
  }),
};
