import { Typography } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { enumLabel } from '../enums.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { DISCREPANCY_CASE_FIGURES } from './dashboard-queries.ts';
import { useHubQuery } from './use-hub-query.ts';

interface Figures {
  key: string;
  open: number;
  overdue: number;
  resolved: number;
  resolvedInTime: number;
  resolvedInTimeRate: number | null;
}

/** Open and overdue cases as bars, the share resolved in time as a line, per office (by name) or per flag. */
export function DiscrepancyCaseFiguresChart({ by }: { by: 'OFFICE' | 'FLAG' }) {
  const translate = useTranslate();
  const answer = useHubQuery<{ discrepancyCaseFigures: Figures[] }>(DISCREPANCY_CASE_FIGURES, { by });
  const rows = answer.data?.discrepancyCaseFigures ?? [];
  const officeCodes = by === 'OFFICE' ? rows.map((row) => row.key) : [];
  // Offices by name only: the chart waits for their names rather than showing codes first.
  const { data: regions, isPending: namesPending } = useGetMany(
    'Region',
    { ids: officeCodes },
    { enabled: officeCodes.length > 0 },
  );
  const nameOf = (key: string) =>
    by === 'FLAG'
      ? translate(enumLabel('AssessmentFlagCode', key))
      : (regions?.find((region) => region.id === key)?.name ?? key);
  const chart = rows.map((row) => ({
    name: nameOf(row.key),
    open: row.open,
    overdue: row.overdue,
    rate: row.resolvedInTimeRate === null ? null : Math.round(row.resolvedInTimeRate * 100),
  }));
  return (
    <DashboardCard
      title={by === 'OFFICE' ? 'hub.cases.dashboard.by_office' : 'hub.cases.dashboard.by_flag'}
      loading={answer.loading || (officeCodes.length > 0 && namesPending)}
      error={answer.error}
      testId={`case-figures-${by.toLowerCase()}`}
    >
      {chart.length === 0 ? (
        <Typography color="text.secondary">{translate('hub.cases.dashboard.none')}</Typography>
      ) : (
        <div style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer>
            <ComposedChart data={chart} margin={{ left: 0, right: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
              <YAxis yAxisId="cases" allowDecimals={false} />
              <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" />
              <Tooltip />
              <Legend />
              <Bar
                isAnimationActive={false}
                yAxisId="cases"
                dataKey="open"
                name={translate('hub.cases.dashboard.open')}
                fill="#0288d1"
              />
              <Bar
                isAnimationActive={false}
                yAxisId="cases"
                dataKey="overdue"
                name={translate('hub.cases.dashboard.overdue')}
                fill="#d32f2f"
              />
              <Line
                isAnimationActive={false}
                yAxisId="rate"
                dataKey="rate"
                name={translate('hub.cases.dashboard.resolved_in_time_rate')}
                stroke="#2e7d32"
                unit="%"
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </DashboardCard>
  );
}
