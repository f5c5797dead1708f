import type { ComparisonKind } from '@hub/prisma';
import type pg from 'pg';
import { nextScheduledRunAt, scheduledRunAsOf } from './schedule-dates.ts';
import { createComparisonRun } from './start-comparison-run.ts';

export interface ScheduledStart {
  scheduleId: string;
  regionCode: string;
  kind: ComparisonKind;
  /** The run it started, or null when it could not be started (see failure). */
  runId: string | null;
  asOf: string;
  failure: string | null;
}

// A schedule that could not start its run tries again this much later, until someone fixes the cause.
const RETRY_AFTER_MS = 60 * 60 * 1000;

const CLAIM_DUE = `
  SELECT id, region_code, kind, months, day_of_month FROM comparison_schedules
   WHERE enabled AND next_run_at <= $1
   ORDER BY next_run_at, id LIMIT 1
     FOR UPDATE SKIP LOCKED`;

/**
 * Claims one due schedule, creates its run and advances its next run, all in one transaction: a schedule claimed by
 * another worker is locked and skipped, and once committed it is no longer due, so no two workers ever start the
 * same scheduled run. A run that cannot be created (no standard for the year, say) is recorded on the schedule and
 * retried an hour later. Null when nothing is due.
 */
export async function startDueScheduledRun(pool: pg.Pool, now: Date = new Date()): Promise<ScheduledStart | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claimed = await client.query<{
      id: string;
      region_code: string;
      kind: ComparisonKind;
      months: number[];
      day_of_month: number;
    }>(CLAIM_DUE, [now]);
    const schedule = claimed.rows[0];
    if (!schedule) {
      await client.query('COMMIT');
      return null;
    }
    const asOf = scheduledRunAsOf(now);
    const start = { scheduleId: schedule.id, regionCode: schedule.region_code, kind: schedule.kind, asOf };
    let outcome: ScheduledStart;
    await client.query('SAVEPOINT scheduled_run');
    try {
      const run = await createComparisonRun(client, { kind: schedule.kind, regionCode: schedule.region_code, asOf });
      const next = nextScheduledRunAt({ months: schedule.months, dayOfMonth: schedule.day_of_month }, now);
      await client.query(
        `UPDATE comparison_schedules SET next_run_at = $2, last_run_id = $3, last_run_at = $4, last_failure = NULL,
                updated_at = now() WHERE id = $1`,
        [schedule.id, next, run.id, now],
      );
      outcome = { ...start, runId: run.id, failure: null };
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT scheduled_run');
      const failure = error instanceof Error ? error.message : String(error);
      await client.query(
        'UPDATE comparison_schedules SET next_run_at = $2, last_failure = $3, updated_at = now() WHERE id = $1',
        [schedule.id, new Date(now.getTime() + RETRY_AFTER_MS), failure],
      );
      outcome = { ...start, runId: null, failure };
    }
    await client.query('COMMIT');
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Starts every schedule due at `now`, one transaction each. */
export async function startDueScheduledRuns(pool: pg.Pool, now: Date = new Date()): Promise<ScheduledStart[]> {
  const started: ScheduledStart[] = [];
  for (let next = await startDueScheduledRun(pool, now); next; next = await startDueScheduledRun(pool, now)) {
    started.push(next);
  }
  return started;
}
