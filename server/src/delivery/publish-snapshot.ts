import type { ChangeActor } from '@hub/schema/context';
import { type DeliveryFormat, recordColumnOf } from '@hub/schema/delivery-formats';
import type pg from 'pg';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { buildSnapshotPartition, type PartitionSteps } from './build-snapshot-partition.ts';
import { bulkStagingTable } from './bulk-staging-table.ts';
import type { DeliveryEntitlement } from './check-delivery-entitlement.ts';
import { recordValueSql } from './record-value-sql.ts';
import { stagedPersonMatch } from './staged-person-match.ts';

export interface StagedSnapshot {
  id: string;
  departmentId: string;
  dataset: string;
  asOf: string;
  contentHash: string;
  /** Why the department may deliver it. */
  entitlement: DeliveryEntitlement;
}

/** Whether a staged delivery becomes current, and what its snapshot then records. */
export interface PublishDecision {
  accept: boolean;
  rows: number;
  rejects: number;
  refusal: string;
}

export type PublishOutcome<Written> =
  | { kind: 'CURRENT'; accepted: number; rejects: number; supersededId: string | null; written: Written }
  | { kind: 'REFUSED'; rejects: number }
  | { kind: 'DUPLICATE'; existingId: string };

const quote = (name: string) => `"${name}"`;

const RECORD_PROVENANCE = ['id', 'department_id', 'snapshot_id', 'as_of'];

/** The accepted rows of the staged file as records: every row without a reject, its person found by number. */
function acceptedRecords(format: DeliveryFormat, snapshotId: string) {
  const columns = format.columns.map((column) => recordColumnOf(format, column));
  // The subject is the `person` join; any other person a row names, a join of its own.
  const others = format.columns.filter((column) => column.type === 'ID_NUMBER' && column.name !== 'id_number');
  const person = (name: string) => (name === 'id_number' ? 'person' : quote(`person_of_${name}`));
  const values = format.columns.map((column) =>
    column.type === 'ID_NUMBER'
      ? `${person(column.name)}.id`
      : recordValueSql(column, `NULLIF(s.${quote(column.name)}, '')`),
  );
  const otherJoins = others.map(
    (column) => `JOIN persons ${person(column.name)} ON ${stagedPersonMatch('s', person(column.name), column.name)}`,
  );
  return {
    columns: [...columns, ...RECORD_PROVENANCE],
    // A record's id is its snapshot's id with the last 12 hex digits replaced by the line number: unique (a line is
    // at most 8 hex digits, and two snapshots sharing their first 80 bits, ~74 of them random, is not a practical
    // risk), still shaped as a version-4 uuid, a little cheaper than an md5 per row, and rising with the line, so
    // that the primary key's sort finds its input already in order.
    selectSql: `SELECT ${values.join(', ')}, (left(replace($1::text, '-', ''), 20) || lpad(to_hex(s.line), 12, '0'))::uuid,
        $2::uuid, $1::uuid, $3::date
      FROM ${bulkStagingTable(snapshotId).name} s
      JOIN persons person ON ${stagedPersonMatch('s')}
      ${otherJoins.join('\n      ')}
      WHERE NOT EXISTS (SELECT 1 FROM dataset_snapshot_rejects r WHERE r.snapshot_id = $1::uuid AND r.line = s.line)`,
  };
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

/** A dataset's accepted staged rows as its record table's partition for this snapshot, attached whole. */
export async function writeSnapshotPartition(
  client: pg.ClientBase,
  format: DeliveryFormat,
  snapshot: StagedSnapshot,
): Promise<{ accepted: number; steps: PartitionSteps }> {
  const { records, steps } = await buildSnapshotPartition(client, {
    table: format.table,
    snapshotId: snapshot.id,
    ...acceptedRecords(format, snapshot.id),
    params: [snapshot.id, snapshot.departmentId, snapshot.asOf],
  });
  return { accepted: records, steps };
}

/**
 * In one transaction, under a lock per department and dataset (so two deliveries never both become current): the
 * same bytes delivered before are a duplicate; otherwise `decide` judges the delivery (under the lock, so checks
 * that read current data never race another delivery). One within its threshold gets its records written
 * (`writeRecords`: a dataset's partition, the register's merge) and becomes CURRENT, the previous CURRENT one
 * SUPERSEDED, and the switch is recorded as a SNAPSHOT_SWITCHED event; one over it is REFUSED and the previous one
 * stays.
 */
export async function publishSnapshot<Written extends { accepted: number }>(
  client: pg.ClientBase,
  snapshot: StagedSnapshot,
  decide: () => Promise<PublishDecision>,
  writeRecords: () => Promise<Written>,
  actor: ChangeActor,
): Promise<PublishOutcome<Written>> {
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
    const decision = await decide();
    if (!decision.accept) {
      await client.query(
        `UPDATE dataset_snapshots SET status = 'REFUSED', row_count = $2, reject_count = $3, status_reason = $4
          WHERE id = $1`,
        [snapshot.id, decision.rows, decision.rejects, decision.refusal],
      );
      await client.query('COMMIT');
      return { kind: 'REFUSED', rejects: decision.rejects };
    }
    const written = await writeRecords();
    const { accepted } = written;
    const superseded = await client.query<{ id: string }>(
      `UPDATE dataset_snapshots SET status = 'SUPERSEDED'
        WHERE department_id = $1 AND dataset = $2::"Dataset" AND status = 'CURRENT' RETURNING id`,
      [snapshot.departmentId, snapshot.dataset],
    );
    await client.query(
      `UPDATE dataset_snapshots SET status = 'CURRENT', activated_at = now(), row_count = $2, accepted_count = $3,
          reject_count = $4 WHERE id = $1`,
      [snapshot.id, decision.rows, accepted, decision.rejects],
    );
    const supersededId = superseded.rows[0]?.id ?? null;
    await recordChangeEvent(client, actor, {
      type: 'SNAPSHOT_SWITCHED',
      reason: snapshot.entitlement.overrideReason
        ? `loaded without a provider agreement: ${snapshot.entitlement.overrideReason}`
        : null,
      snapshotId: snapshot.id,
      previousSnapshotId: supersededId,
      dataset: snapshot.dataset,
      departmentId: snapshot.departmentId,
      changes: [
        { field: 'currentSnapshotId', old: supersededId, new: snapshot.id },
        { field: 'asOf', old: null, new: snapshot.asOf },
        { field: 'acceptedRecords', old: null, new: accepted },
        { field: 'rejectedRows', old: null, new: decision.rejects },
        { field: 'providerAgreement', old: null, new: snapshot.entitlement.agreementCode },
      ],
    });
    await client.query('COMMIT');
    return { kind: 'CURRENT', accepted, rejects: decision.rejects, supersededId, written };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
