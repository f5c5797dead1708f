import { gql } from '@apollo/client';
import { API_CLIENT } from '../dataProvider/operations/api-clients.ts';

export const ROTATE_API_CLIENT_SECRET = gql`mutation RotateApiClientSecret($id: ID!) {
  rotateApiClientSecret(id: $id) { clientSecret apiClient { ${API_CLIENT} } }
}`;

export const REVOKE_API_CLIENT = gql`mutation RevokeApiClient($id: ID!) { revokeApiClient(id: $id) { ${API_CLIENT} } }`;
