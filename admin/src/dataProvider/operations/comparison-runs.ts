import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { dataOrThrow, type HubOperation } from '../hub-operation.ts';
import { single } from '../list-operations.ts';

export const COMPARISON_RUN = `id kind status asOf region { code name } householdCount householdsDone chunkCount chunksDone progress
  householdsPerSecond estimatedCompletionAt createdAt startedAt completedAt failure startedBy { displayName }
  summary { classifications { classification households } flags { flag households } }`;

const LIST = gql`query ComparisonRuns($first: Int, $kind: ComparisonKind, $regionCode: String) {
  comparisonRuns(first: $first, kind: $kind, regionCode: $regionCode) { ${COMPARISON_RUN} }
}`;

export const comparisonRunOperations: ResourceOperations = {
  // `comparisonRuns(first:)` has no cursor: page N asks for the first N pages and shows the last of them.
  GET_LIST: (params): HubOperation => {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const filter = params.filter ?? {};
    return {
      query: LIST,
      variables: {
        first: page * perPage + 1,
        kind: filter.kind || undefined,
        regionCode: filter.regionCode || undefined,
      },
      parseResponse(answer) {
        const runs = dataOrThrow(answer, 'comparisonRuns') ?? [];
        const data = runs.slice((page - 1) * perPage, page * perPage);
        const pageInfo = { hasNextPage: runs.length > page * perPage, hasPreviousPage: page > 1 };
        // On the last page the total is known: without it react-admin counts a short page as a full one.
        return pageInfo.hasNextPage ? { data, pageInfo } : { data, pageInfo, total: runs.length };
      },
    };
  },
  GET_ONE: single({
    field: 'comparisonRun',
    document: gql`query ComparisonRun($id: ID!) { comparisonRun(id: $id) { ${COMPARISON_RUN} } }`,
    variables: ({ id }) => ({ id }),
  }),
  CREATE: single({
    field: 'startComparisonRun',
    document: gql`mutation StartComparisonRun($input: StartComparisonRunInput!) { startComparisonRun(input: $input) { ${COMPARISON_RUN} } }`,
    variables: ({ data }) => ({
      input: {
        kind: data.kind,
        asOf: data.asOf,
        regionCode: data.regionCode || undefined,
        householdIds: data.householdIds?.length ? data.householdIds : undefined,
        chunkSize: data.chunkSize ? Number(data.chunkSize) : undefined,
      },
    }),
  }),
};
