import { Box, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatChinaTime } from '../china-time.ts';
import type { RunProgress } from './use-run-progress.ts';

/** How far a run is: households done of the cohort, its pace and when it should end. */
export function RunProgressBar({ progress }: { progress: RunProgress | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!progress) return null;
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const percent =
    progress.householdsTotal === 0 ? 100 : Math.floor((progress.householdsDone / progress.householdsTotal) * 100);
  return (
    <Box sx={{ minWidth: 220 }} data-testid="run-progress" data-percent={percent}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={progress.status === 'FAILED' ? 'error' : progress.status === 'COMPLETED' ? 'success' : 'primary'}
        sx={{ height: 10, borderRadius: 5 }}
      />
      <Typography variant="caption" color="text.secondary">
        {translate('hub.runs.progress', {
          percent,
          done: count(progress.householdsDone),
          total: count(progress.householdsTotal),
        })}
        {progress.householdsPerSecond
          ? ` · ${translate('hub.runs.pace', { rate: Math.round(progress.householdsPerSecond) })}`
          : ''}
        {progress.estimatedCompletionAt && progress.status === 'RUNNING'
          ? ` · ${translate('hub.runs.eta', { time: formatChinaTime(progress.estimatedCompletionAt, { seconds: false }).slice(11) })}`
          : ''}
      </Typography>
    </Box>
  );
}
