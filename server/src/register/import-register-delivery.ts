import { findRegisterFormat } from '@hub/schema/delivery-formats';
import pg from 'pg';
import { DatasetDeliveryError } from '../delivery/dataset-delivery-error.ts';
import {
  type DatasetDelivery,
  type ImportedSnapshot,
  markSnapshotFailed,
} from '../delivery/import-dataset-snapshot.ts';
import { findSameDelivery } from '../delivery/publish-snapshot.ts';
import { describeRejectThreshold, isWithinRejectThreshold } from '../delivery/reject-threshold.ts';
import { stageDelivery } from '../delivery/stage-delivery.ts';
import { validateStagedRows } from '../delivery/validate-staged-rows.ts';
import { checkStagedRegister } from './check-staged-register.ts';
import { mergeRegisterRows } from './merge-register-rows.ts';

export type RegisterDelivery = DatasetDelivery & { department: { regionCode: string } };

/** Refuses a register delivery before a byte is read: only a civil-affairs department delivers its register. */
export function checkRegisterDeliveryAllowed(delivery: Pick<RegisterDelivery, 'department' | 'dataset'>) {
  const format = findRegisterFormat(delivery.dataset);
  if (!format) throw new DatasetDeliveryError('UNKNOWN_DATASET', `${delivery.dataset} is not a register dataset`);
  if (delivery.department.kind !== 'CIVIL_AFFAIRS') {
    throw new DatasetDeliveryError(
      'NOT_DATASET_PROVIDER',
      `${delivery.dataset} is delivered by CIVIL_AFFAIRS departments; yours is ${delivery.department.kind}`,
    );
  }
  return format;
}

/**
 * In one transaction, under the lock every delivery of this department and dataset takes: the same bytes
 * delivered before are a duplicate; rows within the threshold are merged into the register and the snapshot
 * becomes CURRENT (the one before SUPERSEDED); otherwise it is REFUSED and the register is as it was.
 */
async function publishRegister(
  client: pg.ClientBase,
  snapshot: { id: string; departmentId: string; dataset: string; asOf: string; contentHash: string },
  judge: () => Promise<{ accept: boolean; rows: number; rejects: number; refusal: string }>,
): Promise<{ kind: 'CURRENT' | 'REFUSED'; rejects: number } | { kind: 'DUPLICATE'; existingId: string }> {
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
    // The register's own checks read the register: under the lock, two deliveries never judge against a register
    // the other is changing.
    const decision = await judge();
    if (!decision.accept) {
      await client.query(
        `UPDATE dataset_snapshots SET status = 'REFUSED', row_count = $2, reject_count = $3, status_reason = $4
          WHERE id = $1`,
        [snapshot.id, decision.rows, decision.rejects, decision.refusal],
      );
      await client.query('COMMIT');
      return { kind: 'REFUSED', rejects: decision.rejects };
    }
    const accepted = await mergeRegisterRows(client, snapshot.dataset as RegisterDelivery['dataset'], snapshot.asOf);
    await client.query(
      `UPDATE dataset_snapshots SET status = 'SUPERSEDED'
        WHERE department_id = $1 AND dataset = $2::"Dataset" AND status = 'CURRENT'`,
      [snapshot.departmentId, snapshot.dataset],
    );
    await client.query(
      `UPDATE dataset_snapshots SET status = 'CURRENT', activated_at = now(), row_count = $2, accepted_count = $3,
          reject_count = $4 WHERE id = $1`,
      [snapshot.id, decision.rows, accepted, decision.rejects],
    );
    await client.query('COMMIT');
    return { kind: 'CURRENT', rejects: decision.rejects };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * The civil-affairs register delivered in bulk (HOUSEHOLD_REGISTER, then ASSISTANCE_CASE), by the same machinery
 * as any dataset: COPY into staging, every column checked, then the register's own checks, a rejects report, all
 * or nothing within the threshold, the content hash. The HTTP upload and `hub import` both come through here.
 */
export async function importRegisterDelivery(
  databaseUrl: string,
  delivery: RegisterDelivery,
): Promise<ImportedSnapshot> {
  const format = checkRegisterDeliveryAllowed(delivery);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on('error', () => {});
  let snapshotId: string | undefined;
  try {
    const created = await client.query<{ id: string }>(
      `INSERT INTO dataset_snapshots (department_id, dataset, source, status, as_of)
        VALUES ($1, $2::"Dataset", 'BULK', 'LOADING', $3::date) RETURNING id`,
      [delivery.department.id, delivery.dataset, delivery.asOf],
    );
    snapshotId = created.rows[0]?.id as string;
    const started = performance.now();
    const { rows, contentHash } = await stageDelivery(client, format, delivery.fileFormat, delivery.body);
    await client.query('UPDATE dataset_snapshots SET content_hash = $2, row_count = $3 WHERE id = $1', [
      snapshotId,
      contentHash,
      rows,
    ]);
    const staged = performance.now();
    const snapshot = { id: snapshotId, departmentId: delivery.department.id, ...delivery, contentHash };
    const earlier = await findSameDelivery(client, snapshot);
    if (!earlier) await validateStagedRows(client, format, snapshotId);
    const validated = performance.now();
    const id = snapshotId;
    const outcome = await publishRegister(client, snapshot, async () => {
      const rejects = await checkStagedRegister(client, delivery.dataset, id, delivery.department.regionCode);
      const accept = rows > 0 && isWithinRejectThreshold(delivery.rejectThreshold, rejects, rows);
      const refusal =
        rows === 0
          ? 'the file has no data rows'
          : `${rejects.toLocaleString('en')} of ${rows.toLocaleString('en')} rows rejected, above the threshold of ` +
            describeRejectThreshold(delivery.rejectThreshold);
      return { accept, rows, rejects, refusal };
    });
    const phases = { stage: staged - started, validate: validated - staged, publish: performance.now() - validated };
    if (outcome.kind === 'DUPLICATE') {
      const { rows: existing } = await client.query<{ row_count: number; reject_count: number }>(
        'SELECT row_count, reject_count FROM dataset_snapshots WHERE id = $1',
        [outcome.existingId],
      );
      const earlierRows = existing[0]?.row_count ?? rows;
      const earlierRejects = existing[0]?.reject_count ?? 0;
      return {
        outcome: 'DUPLICATE',
        snapshotId: outcome.existingId,
        rows: earlierRows,
        rejects: earlierRejects,
        contentHash,
        phases,
      };
    }
    return { outcome: outcome.kind, snapshotId, rows, rejects: outcome.rejects, contentHash, phases };
  } catch (error) {
    if (snapshotId) {
      const reason = error instanceof DatasetDeliveryError ? `${error.code}: ${error.message}` : 'the import failed';
      await markSnapshotFailed(databaseUrl, snapshotId, reason).catch(() => {});
    }
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
