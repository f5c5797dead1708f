/** What a run's pace is computed from; the GraphQL fields, the progress stream and the command line share it. */
export interface RunPace {
  startedAt: Date | null;
  completedAt: Date | null;
  householdsDone: number;
  householdCount: number;
}

/** Households assessed per second since the run started; null until its first chunk is done. */
export function householdsPerSecond(run: RunPace, now: Date = new Date()): number | null {
  if (!run.startedAt || run.householdsDone === 0) return null;
  const seconds = ((run.completedAt ?? now).getTime() - run.startedAt.getTime()) / 1000;
  return run.householdsDone / Math.max(seconds, 0.001);
}

/** When the run ended, or when it will at its pace so far; null until its first chunk is done. */
export function estimatedCompletionAt(run: RunPace, now: Date = new Date()): Date | null {
  if (run.completedAt) return run.completedAt;
  const rate = householdsPerSecond(run, now);
  return rate ? new Date(now.getTime() + ((run.householdCount - run.householdsDone) / rate) * 1000) : null;
}
