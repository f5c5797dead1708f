import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { enumLabel } from '../enums.ts';
import { DashboardCard } from './DashboardCard.tsx';
import { LATEST_FINDINGS, RECENT_RUNS } from './dashboard-queries.ts';
import { type FlagCount, latestFindingsOf } from './latest-findings.ts';
import { useHubQuery } from './use-hub-query.ts';

/** Households flagged, per flag, in the latest completed run of each region and kind. */
export function LatestFindings() {
  const translate = useTranslate();
  const findings = useHubQuery<{ latestFindings: FlagCount[] }>(LATEST_FINDINGS);
  // A hub without `latestFindings` still has the runs' summaries to count from.
  const runs = useHubQuery(RECENT_RUNS);
  const counts = useMemo(
    () => findings.data?.latestFindings ?? (runs.data ? latestFindingsOf(runs.data.comparisonRuns) : undefined),
    [findings.data, runs.data],
  );
  const chart = (counts ?? []).map((count) => ({
    name: translate(enumLabel('AssessmentFlagCode', count.flag)),
    households: count.households,
  }));
  return (
    <DashboardCard
      title="hub.dashboard.latest_findings"
      loading={!counts && (findings.loading || runs.loading)}
      error={counts ? undefined : runs.error}
      testId="latest-findings"
    >
      {chart.length === 0 ? (
        <Typography color="text.secondary">{translate('hub.dashboard.no_findings')}</Typography>
      ) : (
        <div style={{ width: '100%', height: 260 }}>
          <ResponsiveContainer>
            <BarChart data={chart} layout="vertical" margin={{ left: 30 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={170} interval={0} />
              <Tooltip />
              <Bar
                isAnimationActive={false}
                dataKey="households"
                name={translate('hub.runs.households')}
                fill="#ed6c02"
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </DashboardCard>
  );
}
