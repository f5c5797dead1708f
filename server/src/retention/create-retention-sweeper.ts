import pg from 'pg';
import type { SnapshotRetention } from '../delivery/snapshot-retention.ts';
import { type PurgedRecords, purgeExpiredRecords } from './purge-expired-records.ts';
import type { RecordRetention } from './record-retention.ts';

/**
 * Applies the retention (snapshots, ended consents, closed requests) every `everyMs` (the first time one interval
 * after the start) in this process; the timer never keeps the process alive, and `close` waits for a sweep under
 * way. A sweep that fails (the database away) is tried again at the next interval; each purge is one transaction, so
 * nothing is left half done.
 */
export function createRetentionSweeper(
  databaseUrl: string,
  retention: { snapshots: SnapshotRetention; records: RecordRetention },
  options: { everyMs: number; onPurged?: (purged: PurgedRecords) => void },
): { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => {});
  let sweeping: Promise<void> | undefined;
  const timer = setInterval(() => {
    sweeping ??= purgeExpiredRecords(pool, retention)
      .then((purged) => {
        if (purged.snapshots.length + purged.consents.length + purged.requests.length) options.onPurged?.(purged);
      })
      .catch(() => {})
      .finally(() => {
        sweeping = undefined;
      });
  }, options.everyMs).unref();
  return {
    async close() {
      clearInterval(timer);
      await sweeping;
      await pool.end();
    },
  };
}
