import pg from 'pg';
import { purgeExpiredSnapshots } from './purge-expired-snapshots.ts';
import type { SnapshotRetention } from './snapshot-retention.ts';

/**
 * Applies the snapshot retention every `everyMs` (the first time one interval after the start) in this process; the
 * timer never keeps the process alive, and `close` waits for a sweep under way. A sweep that fails (the database
 * away) is tried again at the next interval; a purge is one transaction, so nothing is left half done.
 */
export function createSnapshotRetentionSweeper(
  databaseUrl: string,
  retention: SnapshotRetention,
  options: { everyMs: number; onPurged?: (count: number) => void },
): { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => {});
  let sweeping: Promise<void> | undefined;
  const timer = setInterval(() => {
    sweeping ??= purgeExpiredSnapshots(pool, retention)
      .then((purged) => {
        if (purged.length) options.onPurged?.(purged.length);
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
