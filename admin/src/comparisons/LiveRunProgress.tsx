import { useEffect } from 'react';
import { useRecordContext, useRefresh } from 'react-admin';
import { RunProgressBar } from './RunProgressBar.tsx';
import { runHasEnded, useRunProgress } from './use-run-progress.ts';

/** The run of the record context, live; when it ends, the page reloads the run to show its results. */
export function LiveRunProgress(_props: { label?: string }) {
  const run = useRecordContext();
  const refresh = useRefresh();
  const { progress } = useRunProgress(
    run?.id ? String(run.id) : undefined,
    run
      ? {
          status: run.status,
          householdsDone: run.householdsDone,
          householdsTotal: run.householdCount,
          householdsPerSecond: run.householdsPerSecond,
          estimatedCompletionAt: run.estimatedCompletionAt,
        }
      : undefined,
  );
  const endedNow = runHasEnded(progress?.status) && !runHasEnded(run?.status);
  useEffect(() => {
    if (endedNow) refresh();
  }, [endedNow, refresh]);
  return <RunProgressBar progress={progress} />;
}
