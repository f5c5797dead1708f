import { Grid, Typography } from '@mui/material';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { ChainStatusCard } from './ChainStatusCard.tsx';
import { DiscrepancyCaseFiguresChart } from './DiscrepancyCaseFiguresChart.tsx';
import { LatestFindings } from './LatestFindings.tsx';
import { PendingApprovals } from './PendingApprovals.tsx';
import { QueryVolumeChart } from './QueryVolumeChart.tsx';
import { RunsInProgress } from './RunsInProgress.tsx';
import { StaleDatasets } from './StaleDatasets.tsx';

/** What each viewer watches: officers the runs and findings, auditors the log, administrators all of it. */
export function Dashboard() {
  const translate = useTranslate();
  const { permissions = [] } = usePermissions<string[]>();
  const { identity } = useGetIdentity();
  const runs = permissions.includes('COMPARISONS_READ');
  const oversight = permissions.includes('AUDIT_READ');
  const cases = permissions.includes('DISCREPANCY_CASES_WORK');
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Grid size={12}>
        <Typography variant="h5">{translate('hub.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
      </Grid>
      {runs ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <RunsInProgress />
        </Grid>
      ) : null}
      {runs ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <LatestFindings />
        </Grid>
      ) : null}
      {cases ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <DiscrepancyCaseFiguresChart by="OFFICE" />
        </Grid>
      ) : null}
      {cases ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <DiscrepancyCaseFiguresChart by="FLAG" />
        </Grid>
      ) : null}
      {oversight ? (
        <Grid size={{ xs: 12, md: 8 }}>
          <QueryVolumeChart />
        </Grid>
      ) : null}
      {oversight ? (
        <Grid size={{ xs: 12, md: 4 }}>
          <ChainStatusCard />
        </Grid>
      ) : null}
      {permissions.includes('AGREEMENTS_MANAGE') ? (
        <Grid size={{ xs: 12, md: 6 }}>
          <PendingApprovals />
        </Grid>
      ) : null}
      {permissions.includes('DEPARTMENTS_MANAGE') ? (
        <Grid size={12}>
          <StaleDatasets />
        </Grid>
      ) : null}
    </Grid>
  );
}
