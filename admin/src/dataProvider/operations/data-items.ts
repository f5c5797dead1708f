import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, manyFromList } from '../list-operations.ts';

// An autocomplete's search: a part of the item's Chinese or English name, or of its code.
function matchesSearch(item: { code: string; nameZh: string; nameEn: string }, q: unknown): boolean {
  const text = typeof q === 'string' ? q.trim().toLowerCase() : '';
  return !text || [item.nameZh, item.nameEn, item.code].some((name) => name.toLowerCase().includes(text));
}

const list = arrayList({
  field: 'dataItems',
  document: gql`query DataItems { dataItems { code nameZh nameEn dataset providerKind sensitivity consentRequired derivable } }`,
  toRecord: (item) => ({ ...item, id: item.code }),
  keep: (item, filter) =>
    (!filter.providerKind || item.providerKind === filter.providerKind) && matchesSearch(item, filter.q),
});

export const dataItemOperations: ResourceOperations = { GET_LIST: list, GET_MANY: manyFromList(list) };
