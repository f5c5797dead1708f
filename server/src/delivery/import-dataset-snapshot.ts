import type { Dataset, DepartmentKind } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { type DeliveryFormat, datasetProviderKind, findDeliveryFormat } from '@hub/schema/delivery-formats';
import pg from 'pg';
import type { PartitionSteps } from './build-snapshot-partition.ts';
import { claimBulkStagingTable, releaseBulkStagingTable, sweepAbandonedStagingTables } from './bulk-staging-table.ts';
import type { DeliveryEntitlement } from './check-delivery-entitlement.ts';
import { DatasetDeliveryError } from './dataset-delivery-error.ts';
import { findSameDelivery, publishSnapshot, type StagedSnapshot, writeSnapshotPartition } from './publish-snapshot.ts';
import { describeRejectThreshold, isWithinRejectThreshold, type RejectThreshold } from './reject-threshold.ts';
import { type FileFormat, stageDelivery } from './stage-delivery.ts';
import { validateStagedRows } from './validate-staged-rows.ts';

export interface DatasetDelivery {
  department: { id: string; kind: DepartmentKind };
  dataset: Dataset;
  /** YYYY-MM-DD: the day the file describes. */
  asOf: string;
  rejectThreshold: RejectThreshold;
  fileFormat: FileFormat;
  body: AsyncIterable<Buffer>;
  /** Who delivers it, as the SNAPSHOT_SWITCHED event records them. */
  actor: ChangeActor;
  /** Why they may (checkDeliveryEntitlement), recorded in the same event. */
  entitlement: DeliveryEntitlement;
}

export interface ImportedSnapshot {
  /** DUPLICATE: the same bytes were delivered before; `snapshotId` is that earlier snapshot, nothing changed. */
  outcome: 'CURRENT' | 'REFUSED' | 'DUPLICATE';
  snapshotId: string;
  rows: number;
  rejects: number;
  contentHash: string;
  /** Wall-clock milliseconds per phase; for a CURRENT snapshot also the steps of the switch's partition. */
  phases: { stage: number; validate: number; publish: number } & Partial<PartitionSteps>;
}

/** Refuses a delivery before a byte of it is read: an unknown format, or a department of the wrong kind. */
export function checkDeliveryAllowed(department: { kind: DepartmentKind }, dataset: Dataset) {
  const format = findDeliveryFormat(dataset);
  if (!format) {
    throw new DatasetDeliveryError('UNKNOWN_DATASET', `${dataset} is not delivered in bulk (yet)`);
  }
  const providerKind = datasetProviderKind(dataset);
  if (department.kind !== providerKind) {
    throw new DatasetDeliveryError(
      'NOT_DATASET_PROVIDER',
      `${dataset} is delivered by ${providerKind} departments; yours is ${department.kind}`,
    );
  }
  return format;
}

/** Marks a delivery that broke off FAILED, on a connection of its own (the import's may be the one that broke). */
async function markSnapshotFailed(databaseUrl: string, snapshotId: string, reason: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE dataset_snapshots SET status = 'FAILED', status_reason = $2 WHERE id = $1 AND status = 'LOADING'`,
      [snapshotId, reason],
    );
  } finally {
    await client.end();
  }
}

/** How a kind of delivery differs from a dataset's: its own checks under the lock, and where its rows go. */
export interface SnapshotRecords<Written extends { accepted: number }> {
  /**
   * Checks run under the delivery lock, after the column checks (`columnRejects` rows): returns the rows rejected in
   * all. Without it, the column checks decide.
   */
  checkUnderLock?: (client: pg.ClientBase, snapshotId: string, columnRejects: number) => Promise<number>;
  /** Writes the accepted rows, in the switch's transaction. */
  write: (client: pg.ClientBase, snapshot: StagedSnapshot) => Promise<Written>;
}

/**
 * One bulk delivery, from the first byte to the snapshot switch, on a connection of its own: COPY into a staging
 * table of its own (bulk-staging-table.ts), set-based checks recording each reject, then one transaction that makes
 * it CURRENT or REFUSED. Anything that breaks on the way (a malformed file, an interrupted upload) leaves the
 * snapshot FAILED and the current data as it was. Every bulk delivery comes through here: datasets
 * (importDatasetSnapshot) and the civil-affairs register (importRegisterDelivery), by the HTTP upload and `hub import`
 * alike.
 */
export async function importStagedSnapshot<Written extends { accepted: number; steps?: PartitionSteps }>(
  databaseUrl: string,
  delivery: DatasetDelivery,
  format: DeliveryFormat,
  records: SnapshotRecords<Written>,
): Promise<ImportedSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on('error', () => {});
  let snapshotId: string | undefined;
  try {
    // Hashes and sorts of a million rows get room. Every row of the file passes through a Gather node on its way into
    // the partition, which PostgreSQL's default costs price above doing the work in one process; measured on two
    // cores, a parallel fill and parallel checks take two thirds of the time (docs/benchmarks.md).
    await client.query(`SET work_mem = '128MB'; SET parallel_setup_cost = 100; SET parallel_tuple_cost = 0.01`);
    await sweepAbandonedStagingTables(client);
    const created = await client.query<{ id: string }>(
      `INSERT INTO dataset_snapshots (department_id, dataset, source, status, as_of)
        VALUES ($1, $2::"Dataset", 'BULK', 'LOADING', $3::date) RETURNING id`,
      [delivery.department.id, delivery.dataset, delivery.asOf],
    );
    snapshotId = created.rows[0]?.id as string;
    const id = snapshotId;
    const staging = await claimBulkStagingTable(client, id);
    const started = performance.now();
    const { rows, contentHash } = await stageDelivery(client, format, delivery.fileFormat, delivery.body, staging);
    await client.query('UPDATE dataset_snapshots SET content_hash = $2, row_count = $3 WHERE id = $1', [
      id,
      contentHash,
      rows,
    ]);
    const staged = performance.now();
    const snapshot = { id, departmentId: delivery.department.id, ...delivery, contentHash };
    const earlier = await findSameDelivery(client, snapshot);
    const columnRejects = earlier ? 0 : await validateStagedRows(client, format, id, staging);
    const validated = performance.now();
    const decide = async () => {
      const rejects = records.checkUnderLock ? await records.checkUnderLock(client, id, columnRejects) : columnRejects;
      const accept = rows > 0 && isWithinRejectThreshold(delivery.rejectThreshold, rejects, rows);
      const refusal =
        rows === 0
          ? 'the file has no data rows'
          : `${rejects.toLocaleString('en')} of ${rows.toLocaleString('en')} rows rejected, above the threshold of ` +
            describeRejectThreshold(delivery.rejectThreshold);
      return { accept, rows, rejects, refusal };
    };
    const outcome = await publishSnapshot(
      client,
      snapshot,
      decide,
      () => records.write(client, snapshot),
      delivery.actor,
    );
    const phases = { stage: staged - started, validate: validated - staged, publish: performance.now() - validated };
    if (outcome.kind === 'DUPLICATE') {
      const { rows: existing } = await client.query<{ row_count: number; reject_count: number }>(
        'SELECT row_count, reject_count FROM dataset_snapshots WHERE id = $1',
        [outcome.existingId],
      );
      return {
        outcome: 'DUPLICATE',
        snapshotId: outcome.existingId,
        rows: existing[0]?.row_count ?? rows,
        rejects: existing[0]?.reject_count ?? 0,
        contentHash,
        phases,
      };
    }
    const steps = outcome.kind === 'CURRENT' ? (outcome.written.steps ?? {}) : {};
    return {
      outcome: outcome.kind,
      snapshotId: id,
      rows,
      rejects: outcome.rejects,
      contentHash,
      phases: { ...phases, ...steps },
    };
  } catch (error) {
    if (snapshotId) {
      const reason = error instanceof DatasetDeliveryError ? `${error.code}: ${error.message}` : 'the import failed';
      await markSnapshotFailed(databaseUrl, snapshotId, reason).catch(() => {});
    }
    throw error;
  } finally {
    // On a broken connection the table stays behind, unlocked, for the next import's sweep.
    if (snapshotId) await releaseBulkStagingTable(client, snapshotId).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** A dataset's bulk delivery: its accepted rows become the snapshot's partition of the record table. */
export async function importDatasetSnapshot(databaseUrl: string, delivery: DatasetDelivery): Promise<ImportedSnapshot> {
  const format = checkDeliveryAllowed(delivery.department, delivery.dataset);
  return importStagedSnapshot(databaseUrl, delivery, format, {
    write: (client, snapshot) => writeSnapshotPartition(client, format, snapshot),
  });
}
