import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, single } from '../list-operations.ts';

export const API_CLIENT =
  'id clientId name createdAt lastUsedAt revokedAt secretRotatedAt department { id name } createdBy { displayName }';

const list = arrayList({
  field: 'apiClients',
  document: gql`query ApiClients($departmentId: ID!) { apiClients(departmentId: $departmentId) { ${API_CLIENT} } }`,
  variables: (filter) => ({ departmentId: filter.departmentId }),
});

export const apiClientOperations: ResourceOperations = {
  GET_LIST: list,
  GET_MANY_REFERENCE: list,
  // The secret comes with the answer this once: the create form shows it and it is never read again.
  CREATE: single({
    field: 'createApiClient',
    document: gql`mutation CreateApiClient($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { ${API_CLIENT} } } }`,
    variables: ({ data }) => ({ input: { departmentId: data.departmentId, name: data.name } }),
    toRecord: (payload) => ({ ...payload.apiClient, clientSecret: payload.clientSecret }),
  }),
};
