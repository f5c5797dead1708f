import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, RecordContextProvider, useTranslate } from 'react-admin';
import { LiveRunProgress } from '../comparisons/LiveRunProgress.tsx';
import { enumLabel } from '../enums.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { RECENT_RUNS } from './dashboard-queries.ts';
import { useHubQuery } from './use-hub-query.ts';

interface Run {
  id: string;
  kind: string;
  status: string;
  asOf: string;
  region: { name: string } | null;
}

/** Runs pending or running, each with its live progress; refreshed so a newly started run appears. */
export function RunsInProgress() {
  const translate = useTranslate();
  const { data, error, loading } = useHubQuery<{ comparisonRuns: Run[] }>(RECENT_RUNS, undefined, 10_000);
  const running = (data?.comparisonRuns ?? []).filter((run) => run.status === 'RUNNING' || run.status === 'PENDING');
  return (
    <DashboardCard
      title="hub.dashboard.runs_in_progress"
      loading={loading && !data}
      error={error}
      testId="runs-in-progress"
    >
      {running.length === 0 ? (
        <Typography color="text.secondary">{translate('hub.dashboard.no_runs_in_progress')}</Typography>
      ) : (
        <List dense>
          {running.map((run) => (
            <ListItem key={run.id} divider>
              <ListItemText
                primary={
                  <Link to={`/ComparisonRun/${run.id}/show`}>
                    {translate(enumLabel('ComparisonKind', run.kind))} · {run.region?.name ?? ''} · {run.asOf}
                  </Link>
                }
                secondary={
                  <RecordContextProvider value={run}>
                    <LiveRunProgress />
                  </RecordContextProvider>
                }
                slotProps={{ secondary: { component: 'div' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </DashboardCard>
  );
}
