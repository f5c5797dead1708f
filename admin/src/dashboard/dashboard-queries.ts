import { gql } from '@apollo/client';
import { COMPARISON_RUN } from '../dataProvider/operations/comparison-runs.ts';

export const RECENT_RUNS = gql`query DashboardRuns { comparisonRuns(first: 30) { ${COMPARISON_RUN} } }`;

export const LATEST_FINDINGS = gql`query LatestFindings { latestFindings { flag households } }`;

export const QUERY_VOLUME = gql`query QueryVolume($days: Int!) {
  queryVolume(days: $days) { day allowed denied department { id name } }
}`;

export const STALE_DATASETS = gql`query StaleDatasets {
  datasetFreshness { dataset ageDays stale refreshIntervalDays department { id name } currentSnapshot { asOf } }
}`;

export const PENDING_APPROVALS = gql`query PendingApprovals {
  sharingAgreements(first: 5, filter: { status: PENDING_APPROVAL }) {
    totalCount edges { node { id code title provider { name } consumer { name } } }
  }
}`;

export const DISCREPANCY_CASE_FIGURES = gql`
  query DiscrepancyCaseFigures($by: DiscrepancyCaseFiguresBy!) {
    discrepancyCaseFigures(by: $by) {
      key
      open
      overdue
      resolved
      resolvedInTime
      resolvedInTimeRate
    }
  }
`;
