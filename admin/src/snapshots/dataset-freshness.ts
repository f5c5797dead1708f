import { gql } from '@apollo/client';

export const DATASET_FRESHNESS = gql`query DatasetFreshness($departmentId: ID) {
  datasetFreshness(departmentId: $departmentId) {
    dataset ageDays stale refreshIntervalDays rowCount acceptedCount rejectCount
    department { id name } currentSnapshot { id asOf }
  }
}`;

export interface DatasetFreshness {
  dataset: string;
  ageDays: number | null;
  stale: boolean;
  refreshIntervalDays: number;
  rowCount: number;
  department: { id: string; name: string };
  currentSnapshot: { id: string; asOf: string } | null;
}
