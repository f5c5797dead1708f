import type { DeliveryColumn, DeliveryFormat } from '@hub/schema/delivery-formats';
import type pg from 'pg';
import { STAGING_TABLE } from './stage-delivery.ts';

export interface StagedSnapshot {
  id: string;
  departmentId: string;
  dataset: string;
  asOf: string;
  contentHash: string;
}

export type PublishOutcome =
  | { kind: 'CURRENT'; accepted: number; supersededId: string | null }
  | { kind: 'REFUSED' }
  | { kind: 'DUPLICATE'; existingId: string };

const quote = (name: string) => `"${name}"`;

function castOf(column: DeliveryColumn, value: string): string {
  switch (column.type) {
    case 'ID_NUMBER':
      return 'person.id';
    case 'DATE':
      return `${value}::date`;
    case 'AMOUNT_FEN':
      return `${value}::${column.amountType ?? 'bigint'}`;
    case 'ENUM':
      return `${value}::${quote(column.enumType ?? '')}`;
    default:
      return value;
  }
}

function insertRecordsSql(format: DeliveryFormat): string {
  const targets = format.columns.map((column) => (column.type === 'ID_NUMBER' ? 'person_id' : column.name));
  const values = format.columns.map((column) => castOf(column, `NULLIF(s.${quote(column.name)}, '')`));
  return `INSERT INTO ${format.table} (${[...targets, 'department_id', 'snapshot_id', 'as_of'].map(quote).join(', ')})
    SELECT ${values.join(', ')}, $2::uuid, $1::uuid, $3::date
    FROM ${STAGING_TABLE} s
    JOIN persons person ON person.id_number = upper(s.id_number)
    WHERE NOT EXISTS (SELECT 1 FROM dataset_snapshot_rejects r WHERE r.snapshot_id = $1::uuid AND r.line = s.line)
    -- in person order, the person index and the foreign-key look-ups walk their pages once instead of at random
    ORDER BY person.id`;
}

/** An earlier delivery of the very same bytes by the same department, refused or not; null when there is none. */
export async function findSameDelivery(client: pg.ClientBase, snapshot: StagedSnapshot): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM dataset_snapshots
      WHERE department_id = $1 AND dataset = $2::"Dataset" AND content_hash = $3 AND id <> $4
        AND status IN ('CURRENT', 'SUPERSEDED', 'REFUSED')
      ORDER BY created_at LIMIT 1`,
    [snapshot.departmentId, snapshot.dataset, snapshot.contentHash, snapshot.id],
  );
  return rows[0]?.id ?? null;
}

/**
 * In one transaction, under a lock per department and dataset (so two deliveries never both become current):
 * a delivery within its threshold becomes CURRENT with its accepted rows as records, the previous CURRENT one
 * SUPERSEDED; one over it is REFUSED and the previous one stays. The same bytes delivered before are a duplicate.
 */
export async function publishSnapshot(
  client: pg.ClientBase,
  format: DeliveryFormat,
  snapshot: StagedSnapshot,
  decision: { accept: boolean; rows: number; rejects: number; refusal: string },
): Promise<PublishOutcome> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `dataset-snapshot:${snapshot.departmentId}:${snapshot.dataset}`,
    ]);
    const existingId = await findSameDelivery(client, snapshot);
    if (existingId) {
      await client.query('DELETE FROM dataset_snapshots WHERE id = $1', [snapshot.id]);
      await client.query('COMMIT');
      return { kind: 'DUPLICATE', existingId };
    }
    if (!decision.accept) {
      await client.query(
        `UPDATE dataset_snapshots SET status = 'REFUSED', row_count = $2, reject_count = $3, status_reason = $4
          WHERE id = $1`,
        [snapshot.id, decision.rows, decision.rejects, decision.refusal],
      );
      await client.query('COMMIT');
      return { kind: 'REFUSED' };
    }
    const inserted = await client.query(insertRecordsSql(format), [snapshot.id, snapshot.departmentId, snapshot.asOf]);
    const superseded = await client.query<{ id: string }>(
      `UPDATE dataset_snapshots SET status = 'SUPERSEDED'
        WHERE department_id = $1 AND dataset = $2::"Dataset" AND status = 'CURRENT' RETURNING id`,
      [snapshot.departmentId, snapshot.dataset],
    );
    await client.query(
      `UPDATE dataset_snapshots SET status = 'CURRENT', activated_at = now(), row_count = $2, accepted_count = $3,
          reject_count = $4 WHERE id = $1`,
      [snapshot.id, decision.rows, inserted.rowCount ?? 0, decision.rejects],
    );
    await client.query('COMMIT');
    return { kind: 'CURRENT', accepted: inserted.rowCount ?? 0, supersededId: superseded.rows[0]?.id ?? null };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
