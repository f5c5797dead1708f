import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, single } from '../list-operations.ts';

export const USER = 'id username displayName role disabledAt createdAt department { id name }';

const list = arrayList({
  field: 'users',
  document: gql`query Users { users { ${USER} } }`,
  keep: (user, filter) =>
    (!filter.q || `${user.username}${user.displayName}`.toLowerCase().includes(String(filter.q).toLowerCase())) &&
    (!filter.role || user.role === filter.role) &&
    (!filter.departmentId || user.department.id === filter.departmentId),
});

export const userOperations: ResourceOperations = {
  GET_LIST: list,
  CREATE: single({
    field: 'createUser',
    document: gql`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER} } }`,
    variables: ({ data }) => ({
      input: {
        username: data.username,
        displayName: data.displayName,
        password: data.password,
        role: data.role,
        departmentId: data.departmentId,
      },
    }),
  }),
};
