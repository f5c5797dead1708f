import { Grid, Typography } from '@mui/material';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { UserRole } from '../hub-session.ts';
import { ChainStatusCard } from './ChainStatusCard.tsx';
import { LatestFindings } from './LatestFindings.tsx';
import { QueryVolumeChart } from './QueryVolumeChart.tsx';
import { RunsInProgress } from './RunsInProgress.tsx';
import { StaleDatasets } from './StaleDatasets.tsx';

/** What each role watches: officers the runs and findings, auditors the log, administrators all of it. */
export function Dashboard() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<UserRole>();
  const { identity } = useGetIdentity();
  const runs = role === 'ADMIN' || role === 'VERIFICATION_OFFICER';
  const oversight = role === 'ADMIN' || role === 'AUDITOR';
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
      {role === 'ADMIN' ? (
        <Grid size={12}>
          <StaleDatasets />
        </Grid>
      ) : null}
    </Grid>
  );
}
