import type pg from 'pg';

/**
 * The trail is partitioned by China Standard Time month (migration 20261206120000_audit_month_partitions). The
 * partition of this month and of this many next months exist before an entry needs them: made at migrate time by the
 * owner, and renewed daily by the running hub through the owner-side audit_entries_ensure_coming_partitions().
 */
export const AUDIT_MONTHS_AHEAD = 3;

const DAY_MS = 24 * 60 * 60 * 1_000;

/** Makes this month's and the next AUDIT_MONTHS_AHEAD months' partitions (run as the owner after migrating). */
export async function ensureComingAuditPartitions(db: pg.ClientBase | pg.Pool): Promise<void> {
  await db.query('SELECT audit_entries_ensure_coming_partitions($1)', [AUDIT_MONTHS_AHEAD]);
}

export interface AuditPartitionKeeper {
  /** Makes the coming months' partitions now (also what the daily timer does). */
  ensure(): Promise<void>;
  /** Clears the timer and waits for a run in flight. */
  close(): Promise<void>;
}

/**
 * Renews the coming months' partitions every `everyMs` (a day by default) on an unref'd timer, so that a hub
 * running for months never meets a month without one. A failed run is retried by the next: three months are ahead.
 */
export function keepAuditPartitions(pool: pg.Pool, everyMs = DAY_MS): AuditPartitionKeeper {
  let inFlight: Promise<void> | undefined;
  const ensure = () => {
    inFlight ??= ensureComingAuditPartitions(pool).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  const timer = setInterval(() => void ensure().catch(() => {}), everyMs);
  timer.unref();
  return {
    ensure,
    async close() {
      clearInterval(timer);
      await inFlight?.catch(() => {});
    },
  };
}
