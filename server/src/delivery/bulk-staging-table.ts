import type pg from 'pg';
import type { StagingTable } from './stage-delivery.ts';

// A bulk delivery's file is staged in an unlogged table of its own, named for its snapshot, rather than a temporary
// one: PostgreSQL's parallel workers cannot read another backend's temporary table, and with this one the checks and
// the fill of the snapshot's partition use both cores. Unlike a temporary table it outlives a process that dies
// halfway, so the import holds a session lock named for its snapshot while the table exists, and every import first
// drops the tables whose lock nobody holds (their import is gone) and marks their snapshots FAILED.

const PREFIX = 'delivery_staging_';

/** The staging table of a bulk delivery: `delivery_staging_` and the snapshot id's 32 hex digits. */
export function bulkStagingTable(snapshotId: string): StagingTable {
  return { name: `"${PREFIX}${snapshotId.replaceAll('-', '')}"`, kind: 'UNLOGGED' };
}

const lockKey = (snapshotId: string) => `hashtextextended('delivery-staging:' || ${snapshotId}, 0)`;

/** Takes the session lock that marks the snapshot's staging table as in use; released when the connection ends. */
export async function claimBulkStagingTable(client: pg.ClientBase, snapshotId: string): Promise<StagingTable> {
  await client.query(`SELECT pg_advisory_lock(${lockKey('$1::text')})`, [snapshotId]);
  return bulkStagingTable(snapshotId);
}

/** Drops the staging table once the delivery is decided (or has failed) and lets go of its lock. */
export async function releaseBulkStagingTable(client: pg.ClientBase, snapshotId: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${bulkStagingTable(snapshotId).name}`);
  await client.query(`SELECT pg_advisory_unlock(${lockKey('$1::text')})`, [snapshotId]);
}

const hexToUuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/**
 * Drops the staging tables of imports that ended without cleaning up (their process was killed, their machine
 * stopped) and marks their snapshots FAILED; returns how many. An import in progress holds its lock, so its table is
 * never touched.
 */
export async function sweepAbandonedStagingTables(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname ~ $1`,
    [`^${PREFIX}[0-9a-f]{32}$`],
  );
  let swept = 0;
  for (const { name } of rows) {
    const snapshotId = hexToUuid(name.slice(PREFIX.length));
    const { rows: claimed } = await client.query<{ free: boolean }>(
      `SELECT pg_try_advisory_lock(${lockKey('$1::text')}) AS free`,
      [snapshotId],
    );
    if (!claimed[0]?.free) continue;
    try {
      await client.query(`DROP TABLE IF EXISTS "${name}"`);
      await client.query(
        `UPDATE dataset_snapshots SET status = 'FAILED', status_reason = 'the import broke off: its process ended'
          WHERE id = $1 AND status = 'LOADING'`,
        [snapshotId],
      );
      swept += 1;
    } catch {
      // Not the hub's to drop (made by another role): it costs only its disk, and never stops a delivery.
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${lockKey('$1::text')})`, [snapshotId]);
    }
  }
  return swept;
}
