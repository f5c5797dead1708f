import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DashboardCard } from './DashboardCard.tsx';
import { QUERY_VOLUME } from './dashboard-queries.ts';
import { type DepartmentQueryVolume, volumeByDay } from './query-volume.ts';
import { useHubQuery } from './use-hub-query.ts';

const COLOURS = ['#1976d2', '#2e7d32', '#ed6c02', '#9c27b0', '#d32f2f', '#0288d1', '#795548', '#607d8b'];

/** Queries per department per day over the last two weeks, from the audit trail. */
export function QueryVolumeChart() {
  const translate = useTranslate();
  const { data, error, loading } = useHubQuery<{ queryVolume: DepartmentQueryVolume[] }>(QUERY_VOLUME, { days: 14 });
  const { days, departments } = volumeByDay(data?.queryVolume ?? []);
  return (
    <DashboardCard title="hub.dashboard.query_volume" loading={loading} error={error} testId="query-volume">
      {days.length === 0 ? (
        <Typography color="text.secondary">{translate('hub.dashboard.no_queries')}</Typography>
      ) : (
        <div style={{ width: '100%', height: 280 }}>
          <ResponsiveContainer>
            <BarChart data={days}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {departments.map((department, index) => (
                <Bar
                  key={department}
                  isAnimationActive={false}
                  dataKey={department}
                  stackId="1"
                  fill={COLOURS[index % COLOURS.length]}
                  maxBarSize={48}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </DashboardCard>
  );
}
