import { gql } from '@apollo/client';
import type { HubOperation, ResourceOperations } from '../hub-operation.ts';
import { arrayList } from '../list-operations.ts';

const REGIONS = gql`query Regions($parentCode: String, $level: RegionLevel, $search: String, $first: Int) {
  regions(parentCode: $parentCode, level: $level, search: $search, first: $first) {
    code name level parent { code name }
  }
}`;

// A picker searches on the hub (name or code prefix, 50 at most): a province's table has tens of thousands.
const list = arrayList({
  field: 'regions',
  document: REGIONS,
  variables: (filter) => ({
    parentCode: filter.parentCode,
    level: filter.level,
    search: typeof filter.q === 'string' ? filter.q.trim() : undefined,
    first: filter.q || !filter.parentCode ? 50 : undefined,
  }),
  toRecord: (region) => ({ ...region, id: region.code }),
});

/** The regions a form already names (a picker's current value): each looked up by its code. */
function getMany(params: { ids: unknown[] }): HubOperation {
  const codes = [...new Set(params.ids.map(String).filter(Boolean))];
  return {
    query: gql`query RegionsByCode($codes: [String!]!) { regionsByCode: regions(codes: $codes) { code name level parent { code name } } }`,
    variables: { codes },
    parseResponse: (answer) => ({
      data: (answer.data?.regionsByCode ?? []).map((region: { code: string }) => ({ ...region, id: region.code })),
    }),
  };
}

export const regionOperations: ResourceOperations = { GET_LIST: list, GET_MANY: getMany };
