import { Dataset } from '@hub/prisma';

/**
 * How long the hub keeps a department's deliveries (PIPL art. 19: personal information is kept for the shortest
 * period its purpose needs). Per department and dataset, the CURRENT snapshot and the `keepPrevious` newest
 * SUPERSEDED ones keep their records; an older delivery loses them. A live answer keeps its records for
 * `liveAnswerDays` after it was fetched. A comparison result keeps the values it was decided on in its own evidence,
 * so its report can still be printed after the snapshot is purged.
 */
export interface SnapshotRetention {
  /** Superseded snapshots kept beside the current one, per dataset (HUB_KEEP_PREVIOUS_SNAPSHOTS[_<DATASET>]). */
  keepPrevious: Record<Dataset, number>;
  /** Days a live answer's records are kept (HUB_LIVE_ANSWER_RETENTION_DAYS). */
  liveAnswerDays: number;
}

export const DEFAULT_KEEP_PREVIOUS_SNAPSHOTS = 2;
export const DEFAULT_LIVE_ANSWER_RETENTION_DAYS = 365;

/** A whole number of at least `minimum`, or a clear error naming the variable. */
export function retentionSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  minimum: number,
  why: string,
): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < minimum) {
    throw new Error(`${name} must be a whole number of at least ${minimum} (${why}), not "${text}"`);
  }
  return Number(text);
}

// One previous snapshot at least: a run that started on a snapshot just superseded still reads its records.
const KEEP_WHY = 'a comparison run under way may still read the snapshot a new delivery just superseded';

/** The retention from the environment, each setting falling back to its default; a malformed one is refused. */
export function readSnapshotRetention(env: NodeJS.ProcessEnv = process.env): SnapshotRetention {
  const keepAll = retentionSetting(env, 'HUB_KEEP_PREVIOUS_SNAPSHOTS', DEFAULT_KEEP_PREVIOUS_SNAPSHOTS, 1, KEEP_WHY);
  const keepPrevious = Object.fromEntries(
    Object.values(Dataset).map((dataset) => [
      dataset,
      retentionSetting(env, `HUB_KEEP_PREVIOUS_SNAPSHOTS_${dataset}`, keepAll, 1, KEEP_WHY),
    ]),
  ) as Record<Dataset, number>;
  const liveAnswerDays = retentionSetting(
    env,
    'HUB_LIVE_ANSWER_RETENTION_DAYS',
    DEFAULT_LIVE_ANSWER_RETENTION_DAYS,
    1,
    'an APPLICATION run reads its live answers while it runs',
  );
  return { keepPrevious, liveAnswerDays };
}
