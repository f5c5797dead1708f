import WarningIcon from '@mui/icons-material/WarningAmber';
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { enumLabel } from '../enums.ts';
import type { DatasetFreshness } from '../snapshots/dataset-freshness.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { STALE_DATASETS } from './dashboard-queries.ts';
import { useHubQuery } from './use-hub-query.ts';

/** Datasets older than their agreed refresh interval, or never delivered. */
export function StaleDatasets() {
  const translate = useTranslate();
  const { data, error, loading } = useHubQuery<{ datasetFreshness: DatasetFreshness[] }>(STALE_DATASETS);
  const stale = (data?.datasetFreshness ?? []).filter((row) => row.stale);
  return (
    <DashboardCard title="hub.dashboard.stale_datasets" loading={loading} error={error} testId="stale-datasets">
      {stale.length === 0 ? (
        <Typography color="success.main">{translate('hub.dashboard.all_fresh')}</Typography>
      ) : (
        <List dense sx={{ maxHeight: 280, overflow: 'auto' }}>
          {stale.map((row) => (
            <ListItem key={`${row.department.id}-${row.dataset}`}>
              <ListItemIcon sx={{ minWidth: 32 }}>
                <WarningIcon color="warning" fontSize="small" />
              </ListItemIcon>
              <ListItemText
                primary={`${row.department.name} · ${translate(enumLabel('Dataset', row.dataset))}`}
                secondary={
                  row.ageDays === null
                    ? translate('hub.snapshots.never')
                    : translate('hub.dashboard.stale_for', { age: row.ageDays, interval: row.refreshIntervalDays })
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </DashboardCard>
  );
}
