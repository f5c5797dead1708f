import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, manyFromList, single } from '../list-operations.ts';

const DEPARTMENT = 'id code name kind region { code name }';

const list = arrayList({
  field: 'departments',
  document: gql`query Departments($kind: DepartmentKind) { departments(kind: $kind) { ${DEPARTMENT} } }`,
  variables: (filter) => ({ kind: filter.kind }),
  keep: (department, filter) =>
    !filter.q || `${department.code}${department.name}`.toLowerCase().includes(String(filter.q).toLowerCase()),
});

export const departmentOperations: ResourceOperations = {
  GET_LIST: list,
  GET_MANY: manyFromList(list),
  GET_ONE: single({
    field: 'department',
    document: gql`query Department($id: ID!) { department(id: $id) { ${DEPARTMENT} } }`,
    variables: ({ id }) => ({ id }),
  }),
  CREATE: single({
    field: 'createDepartment',
    document: gql`mutation CreateDepartment($input: CreateDepartmentInput!) { createDepartment(input: $input) { ${DEPARTMENT} } }`,
    variables: ({ data }) => ({
      input: { code: data.code, name: data.name, kind: data.kind, regionCode: data.regionCode ?? data.region?.code },
    }),
  }),
  UPDATE: single({
    field: 'updateDepartment',
    document: gql`mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $input) { ${DEPARTMENT} } }`,
    variables: ({ id, data }) => ({ id, input: { name: data.name, regionCode: data.regionCode ?? data.region?.code } }),
  }),
};
