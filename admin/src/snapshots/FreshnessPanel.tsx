import { Chip, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { HubDataProvider } from '../dataProvider/index.ts';
import { enumLabel } from '../enums.ts';
import { DATASET_FRESHNESS, type DatasetFreshness } from './dataset-freshness.ts';

/** Each dataset the department delivers: its current snapshot's age, red when overdue or never delivered. */
export function FreshnessPanel({ departmentId }: { departmentId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<HubDataProvider>();
  const [rows, setRows] = useState<DatasetFreshness[]>([]);
  useEffect(() => {
    dataProvider
      .query(DATASET_FRESHNESS, { departmentId })
      .then((answer) => setRows(answer.data?.datasetFreshness ?? []))
      .catch(() => setRows([]));
  }, [departmentId, dataProvider]);
  return (
    <Stack direction="row" spacing={1} sx={{ p: 2, flexWrap: 'wrap', gap: 1 }}>
      {rows.map((row) => (
        <Chip
          key={row.dataset}
          color={row.stale ? 'error' : 'success'}
          variant={row.stale ? 'filled' : 'outlined'}
          label={`${translate(enumLabel('Dataset', row.dataset))} · ${
            row.ageDays === null
              ? translate('hub.snapshots.never')
              : translate('hub.snapshots.age', { smart_count: row.ageDays })
          }`}
        />
      ))}
    </Stack>
  );
}
