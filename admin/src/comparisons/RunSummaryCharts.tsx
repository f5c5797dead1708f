import { Box, Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { useNavigate, useRecordContext, useStore, useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { enumLabel } from '../enums.ts';

const CLASS_COLOURS: Record<string, string> = {
  MINIMUM_LIVING: '#2e7d32',
  LOW_INCOME: '#0288d1',
  EXTREME_POVERTY: '#7b1fa2',
  BETWEEN_LINES: '#f9a825',
  ABOVE_LINE: '#d32f2f',
  NONE: '#9e9e9e',
};

interface ResultsListParams {
  filter?: Record<string, unknown>;
  page?: number;
}

/** Households per classification and per flag, of the results so far; a slice or bar opens those results. */
export function RunSummaryCharts() {
  const run = useRecordContext();
  const translate = useTranslate();
  const navigate = useNavigate();
  // The results tab's list keeps its filter under this key (AssessmentResults' storeKey).
  const [, setResultsParams] = useStore<ResultsListParams>(`assessments-${run?.id}`, {});
  const showResults = (filter: Record<string, string>) => {
    setResultsParams((params) => ({ ...params, filter, page: 1 }));
    navigate(`/ComparisonRun/${run?.id}/show/results`);
  };
  if (!run?.summary) return null;
  // A household without a classification: no member of it counts, or (a whole-population run) members' records were
  // not read for want of an authorisation (docs/comparisons.md). The command line counts them UNCLASSIFIED.
  const classes = run.summary.classifications.map((c: { classification: string | null; households: number }) => ({
    key: c.classification ?? 'NONE',
    name: c.classification
      ? translate(enumLabel('HouseholdClassification', c.classification))
      : translate('hub.runs.unclassified'),
    households: c.households,
  }));
  const flags = run.summary.flags.map((f: { flag: string; households: number }) => ({
    key: f.flag,
    name: translate(enumLabel('AssessmentFlagCode', f.flag)),
    households: f.households,
  }));
  return (
    <Grid container spacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Card variant="outlined">
          <CardHeader title={translate('hub.runs.by_classification')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ height: 300 }}>
            {classes.length === 0 ? (
              <Typography color="text.secondary">{translate('hub.runs.no_results_yet')}</Typography>
            ) : (
              <ResponsiveContainer>
                <PieChart>
                  <Pie
                    isAnimationActive={false}
                    data={classes}
                    dataKey="households"
                    nameKey="name"
                    outerRadius={90}
                    label={({ name, value }) => `${name} ${value}`}
                    cursor="pointer"
                    onClick={(slice: { payload?: { key?: string } }) => {
                      const key = slice.payload?.key;
                      if (key && key !== 'NONE') showResults({ classification: key });
                    }}
                  >
                    {classes.map((c: { key: string }) => (
                      <Cell key={c.key} fill={CLASS_COLOURS[c.key] ?? '#757575'} />
                    ))}
                  </Pie>
                  <Tooltip />
                </PieChart>
              </ResponsiveContainer>
            )}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardHeader title={translate('hub.runs.by_flag')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ height: 300 }}>
            {flags.length === 0 ? (
              <Typography color="text.secondary">{translate('hub.runs.no_flags')}</Typography>
            ) : (
              <Box sx={{ width: '100%', height: '100%' }}>
                <ResponsiveContainer>
                  <BarChart data={flags} layout="vertical" margin={{ left: 40 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="name" width={170} interval={0} />
                    <Tooltip />
                    <Bar
                      isAnimationActive={false}
                      dataKey="households"
                      fill="#ed6c02"
                      name={translate('hub.runs.households')}
                      cursor="pointer"
                      onClick={(bar: { payload?: { key?: string } }) => {
                        if (bar.payload?.key) showResults({ flag: bar.payload.key });
                      }}
                    />
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            )}
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
