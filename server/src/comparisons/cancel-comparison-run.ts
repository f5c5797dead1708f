import { conflictError, notFoundError } from '@hub/schema/errors';
import type pg from 'pg';
import { PROGRESS_CHANNEL } from './progress-channel.ts';

/**
 * Stops a pending or running comparison: no worker claims another of its chunks (the ones in hand finish), and the
 * results written so far stay, as far as they went.
 */
export async function cancelComparisonRun(pool: pg.Pool, runId: string): Promise<void> {
  const { rows } = await pool.query<{ status: string; cancelled: boolean }>(
    `WITH cancelled AS (
       UPDATE comparison_runs SET status = 'CANCELLED', completed_at = now()
        WHERE id = $1 AND status IN ('PENDING', 'RUNNING') RETURNING id),
     announced AS (SELECT pg_notify('${PROGRESS_CHANNEL}', id::text) FROM cancelled)
     SELECT r.status::text AS status, EXISTS (SELECT 1 FROM cancelled) AS cancelled,
            (SELECT count(*) FROM announced) AS announced
       FROM comparison_runs r WHERE r.id = $1`,
    [runId],
  );
  const run = rows[0];
  if (!run) throw notFoundError('no comparison run has that id');
  if (!run.cancelled) {
    throw conflictError(
      'INVALID_TRANSITION',
      `the run is ${run.status}; only a pending or running run can be cancelled`,
      {
        status: run.status,
      },
    );
  }
}
