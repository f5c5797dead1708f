import type { Dataset } from '@hub/prisma';
import { findDeliveryFormat } from '@hub/schema/delivery-formats';
import type pg from 'pg';
import { systemChangeActor } from '../audit/change-actors.ts';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { snapshotPartitionName } from './build-snapshot-partition.ts';
import type { SnapshotRetention } from './snapshot-retention.ts';

/** One snapshot whose records retention removed. */
export interface PurgedSnapshot {
  snapshotId: string;
  departmentId: string;
  dataset: Dataset;
  asOf: string;
  previousStatus: 'SUPERSEDED' | 'ANSWERED';
  records: number;
}

interface Candidate {
  id: string;
  department_id: string;
  dataset: Dataset;
  as_of: string;
  status: 'SUPERSEDED' | 'ANSWERED';
}

// Superseded deliveries beyond the newest `keep` of their department and dataset (the per-dataset numbers come as
// two arrays), and live answers fetched more than the given days ago. Register deliveries are merged into the
// register rather than kept per snapshot, and have no records of their own to purge.
const EXPIRED = `
  SELECT superseded.id, superseded.department_id, superseded.dataset::text AS dataset,
         to_char(superseded.as_of, 'YYYY-MM-DD') AS as_of, superseded.status::text AS status
    FROM (
      SELECT s.*, row_number() OVER (PARTITION BY department_id, dataset
                                     ORDER BY activated_at DESC NULLS LAST, created_at DESC) AS newer
        FROM dataset_snapshots s WHERE status = 'SUPERSEDED') superseded
    JOIN unnest($1::text[], $2::int[]) AS kept(kept_dataset, keep) ON kept.kept_dataset = superseded.dataset::text
   WHERE newer > kept.keep
  UNION ALL
  SELECT id, department_id, dataset::text, to_char(as_of, 'YYYY-MM-DD'), status::text
    FROM dataset_snapshots WHERE status = 'ANSWERED' AND created_at < now() - make_interval(days => $3::int)
   ORDER BY 1`;

/** Removes one snapshot's records, in the caller's transaction; returns how many there were. */
async function removeRecords(client: pg.ClientBase, table: string, snapshotId: string): Promise<number> {
  const partition = snapshotPartitionName(table, snapshotId);
  const { rows } = await client.query<{ attached: boolean }>('SELECT to_regclass($1) IS NOT NULL AS attached', [
    `"${partition}"`,
  ]);
  if (rows[0]?.attached) {
    // A bulk delivery's own partition: dropped whole, which frees its disk at once.
    const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${partition}"`);
    await client.query(`ALTER TABLE "${table}" DETACH PARTITION "${partition}"`);
    await client.query(`DROP TABLE "${partition}"`);
    return counted[0]?.n ?? 0;
  }
  // A live answer's records (or the demo's seeded ones) share the default partition.
  const deleted = await client.query(`DELETE FROM "${table}" WHERE snapshot_id = $1`, [snapshotId]);
  return deleted.rowCount ?? 0;
}

/**
 * Purges every snapshot past its retention, each in a transaction of its own under the lock a delivery of its
 * department and dataset takes (so a purge never races a switch): its records, its rejects and its live outcomes
 * are removed, the snapshot becomes PURGED with the time, and a SNAPSHOT_PURGED event records it in the audit trail
 * in the same transaction. Safe to run again after a crash, and from several processes at once.
 */
export async function purgeExpiredSnapshots(pool: pg.Pool, retention: SnapshotRetention): Promise<PurgedSnapshot[]> {
  const datasets = Object.keys(retention.keepPrevious) as Dataset[];
  const { rows: candidates } = await pool.query<Candidate>(EXPIRED, [
    datasets,
    datasets.map((dataset) => retention.keepPrevious[dataset]),
    retention.liveAnswerDays,
  ]);
  const purged: PurgedSnapshot[] = [];
  for (const candidate of candidates) {
    const format = findDeliveryFormat(candidate.dataset);
    if (!format) continue;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `dataset-snapshot:${candidate.department_id}:${candidate.dataset}`,
      ]);
      // Still as it was found: another process may have purged it meanwhile.
      const still = await client.query(
        'SELECT 1 FROM dataset_snapshots WHERE id = $1 AND status = $2::"SnapshotStatus"',
        [candidate.id, candidate.status],
      );
      if (!still.rowCount) {
        await client.query('ROLLBACK');
        continue;
      }
      const records = await removeRecords(client, format.table, candidate.id);
      await client.query('DELETE FROM dataset_snapshot_rejects WHERE snapshot_id = $1', [candidate.id]);
      await client.query('DELETE FROM live_snapshot_persons WHERE snapshot_id = $1', [candidate.id]);
      await client.query(`UPDATE dataset_snapshots SET status = 'PURGED', purged_at = now() WHERE id = $1`, [
        candidate.id,
      ]);
      const reason =
        candidate.status === 'SUPERSEDED'
          ? `retention: the current snapshot and ${retention.keepPrevious[candidate.dataset]} previous ones are kept`
          : `retention: live answers are kept ${retention.liveAnswerDays} days`;
      await recordChangeEvent(client, systemChangeActor('purgeExpiredSnapshots'), {
        type: 'SNAPSHOT_PURGED',
        reason,
        snapshotId: candidate.id,
        previousSnapshotId: null,
        dataset: candidate.dataset,
        departmentId: candidate.department_id,
        changes: [
          { field: 'status', old: candidate.status, new: 'PURGED' },
          { field: 'records', old: records, new: 0 },
          { field: 'asOf', old: candidate.as_of, new: candidate.as_of },
        ],
      });
      await client.query('COMMIT');
      purged.push({
        snapshotId: candidate.id,
        departmentId: candidate.department_id,
        dataset: candidate.dataset,
        asOf: candidate.as_of,
        previousStatus: candidate.status,
        records,
      });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return purged;
}
