import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, manyFromList } from '../list-operations.ts';

const list = arrayList({
  field: 'dataItems',
  document: gql`query DataItems { dataItems { code nameZh nameEn dataset providerKind sensitivity consentRequired derivable } }`,
  toRecord: (item) => ({ ...item, id: item.code }),
  keep: (item, filter) => !filter.providerKind || item.providerKind === filter.providerKind,
});

export const dataItemOperations: ResourceOperations = { GET_LIST: list, GET_MANY: manyFromList(list) };
