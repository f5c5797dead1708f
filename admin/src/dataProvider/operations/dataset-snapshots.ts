import { gql } from '@apollo/client';
import type { ResourceOperations } from '../hub-operation.ts';
import { relayList } from '../list-operations.ts';
import type { RelayCursors } from '../relay-cursors.ts';

export const datasetSnapshotOperations = (cursors: RelayCursors): ResourceOperations => ({
  GET_LIST: relayList({
    resource: 'DatasetSnapshot',
    field: 'datasetSnapshots',
    cursors,
    document: gql`query DatasetSnapshots($departmentId: ID!, $dataset: Dataset, $first: Int, $after: String) {
      datasetSnapshots(departmentId: $departmentId, dataset: $dataset, first: $first, after: $after) {
        pageInfo { endCursor hasNextPage }
        edges { node {
          id dataset asOf status statusReason source rowCount acceptedCount rejectCount contentHash createdAt activatedAt
          rejectsReportPath department { id name }
        } }
      }
    }`,
    variables: (filter) => ({ departmentId: filter.departmentId, dataset: filter.dataset }),
  }),
});
