import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { arrayList, manyFromList } from '../list-operations.ts';

const list = arrayList({
  field: 'regions',
  document: gql`query Regions($parentCode: String, $level: RegionLevel) { regions(parentCode: $parentCode, level: $level) { code name level parent { code name } } }`,
  variables: (filter) => ({ parentCode: filter.parentCode, level: filter.level }),
  toRecord: (region) => ({ ...region, id: region.code }),
  keep: (region, filter) => !filter.q || `${region.code}${region.name}`.includes(String(filter.q)),
});

export const regionOperations: ResourceOperations = { GET_LIST: list, GET_MANY: manyFromList(list) };
