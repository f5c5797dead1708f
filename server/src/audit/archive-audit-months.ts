import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveEvent } from '@hub/schema/change-events';
import type pg from 'pg';
import { signArchiveHeader, verifyAuditArchive } from './audit-archive-file.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import { STORED_AUDIT_ENTRY_COLUMNS, type StoredAuditEntry } from './canonical-audit-entry.ts';
import { systemChangeActor } from './change-actors.ts';
import { recordChangeEvent } from './record-change-event.ts';

export interface ArchivedMonth {
  /** YYYY-MM. */
  month: string;
  entries: number;
  /** The archive file's path; null for a month without entries (its partition is dropped, no file written). */
  file: string | null;
}

const BATCH_SIZE = 5_000;

/** The trail's monthly partitions older than the retention, oldest first: [partition name, YYYY-MM]. */
async function monthsPastRetention(owner: pg.ClientBase, retentionMonths: number): Promise<[string, string][]> {
  const { rows } = await owner.query<{ name: string; month: string }>(
    `SELECT c.relname AS name, substr(c.relname, 15, 4) || '-' || substr(c.relname, 19, 2) AS month
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'audit_entries'::regclass AND c.relname ~ '^audit_entries_[0-9]{6}$'
        AND substr(c.relname, 15) < to_char(date_trunc('month', clock_timestamp() AT TIME ZONE 'Asia/Shanghai')
                                            - make_interval(months => $1), 'YYYYMM')
      ORDER BY c.relname`,
    [retentionMonths],
  );
  return rows.map((row) => [row.name, row.month]);
}

/**
 * Writes the partition's entries to `<directory>/audit-YYYY-MM.jsonl` through a `.partial` file renamed into place
 * once complete and synced, so that a crash leaves either no archive or a whole one (a re-run writes it again).
 */
async function writeArchive(
  owner: pg.ClientBase,
  partition: string,
  month: string,
  directory: string,
  privateKey: KeyObject,
): Promise<{ file: string; entries: number; first: StoredAuditEntry; last: StoredAuditEntry } | undefined> {
  const table = owner.escapeIdentifier(partition);
  const ends = await owner.query<StoredAuditEntry>(
    `(SELECT ${STORED_AUDIT_ENTRY_COLUMNS} FROM ${table} e ORDER BY e.sequence LIMIT 1)
     UNION ALL (SELECT ${STORED_AUDIT_ENTRY_COLUMNS} FROM ${table} e ORDER BY e.sequence DESC LIMIT 1)`,
  );
  const [first, last] = ends.rows;
  if (!first || !last) return undefined;
  const { rows: counted } = await owner.query<{ entries: number }>(`SELECT count(*)::int AS entries FROM ${table}`);
  const entries = counted[0]?.entries ?? 0;
  const header = signArchiveHeader(
    {
      month,
      entries,
      firstSequence: first.sequence,
      firstPreviousHash: first.previous_hash,
      lastSequence: last.sequence,
      lastHash: last.entry_hash,
    },
    privateKey,
  );
  const file = join(directory, `audit-${month}.jsonl`);
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w', 0o644);
  try {
    await handle.write(`${JSON.stringify(header)}\n`);
    let after = BigInt(first.sequence) - 1n;
    for (;;) {
      const { rows } = await owner.query<StoredAuditEntry>(
        `SELECT ${STORED_AUDIT_ENTRY_COLUMNS} FROM ${table} e WHERE e.sequence > $1 ORDER BY e.sequence LIMIT $2`,
        [after.toString(), BATCH_SIZE],
      );
      if (rows.length) await handle.write(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      const tail = rows.at(-1);
      if (!tail || rows.length < BATCH_SIZE) break;
      after = BigInt(tail.sequence);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
  return { file, entries, first, last };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * `hub audit archive`: every month of the trail older than the retention, oldest first, is exported to a signed
 * archive file, the file verified from disk against `publicKeys` (and the checkpoints within it), and only then, in one
 * transaction, the month's partition dropped and an AUDIT_MONTH_ARCHIVED event recorded in the chain. A month whose
 * file fails verification stays, and the command stops there. A crash leaves each month either archived and dropped
 * with its event (both commit together) or still online, whose archive a re-run writes again.
 * Runs as the owner role: only it may drop a partition of the trail.
 */
export async function archiveAuditMonths(
  owner: pg.Pool,
  options: {
    directory: string;
    retentionMonths: number;
    privateKey: KeyObject;
    publicKeys: readonly KeyObject[];
    checkpoints?: readonly AuditCheckpoint[];
  },
): Promise<ArchivedMonth[]> {
  await mkdir(options.directory, { recursive: true });
  const client = await owner.connect();
  const archived: ArchivedMonth[] = [];
  try {
    // One archive run at a time: two would write the same files and race to drop the same months.
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(7316410203) AS locked');
    if (!rows[0]?.locked) throw new Error('another `hub audit archive` is running on this database; try again later');
    await client.query(`SET TIME ZONE 'UTC'`);
    for (const [partition, month] of await monthsPastRetention(client, options.retentionMonths)) {
      // A closed month: the chain dates entries with the database's clock, so none can land in it any more.
      const written = await writeArchive(client, partition, month, options.directory, options.privateKey);
      let event: ArchiveEvent = {
        type: 'AUDIT_MONTH_ARCHIVED',
        reason: `older than the retention of ${options.retentionMonths} months`,
        changes: [],
        month,
        entries: 0,
        firstSequence: null,
        firstPreviousHash: null,
        lastSequence: null,
        lastHash: null,
        file: null,
        fileSha256: null,
      };
      if (written) {
        const verification = await verifyAuditArchive(written.file, {
          publicKeys: options.publicKeys,
          checkpoints: options.checkpoints,
        });
        if (!verification.intact) {
          throw new Error(
            `the archive of ${month} (${written.file}) failed verification, so the month stays in the database: ` +
              `${verification.problem}: ${verification.detail}`,
          );
        }
        event = {
          ...event,
          entries: written.entries,
          firstSequence: written.first.sequence,
          firstPreviousHash: written.first.previous_hash,
          lastSequence: written.last.sequence,
          lastHash: written.last.entry_hash,
          file: written.file.split('/').at(-1) ?? written.file,
          fileSha256: await sha256Of(written.file),
        };
      }
      await dropMonth(client, partition, event);
      archived.push({ month, entries: event.entries, file: written?.file ?? null });
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => {});
    client.release();
  }
  return archived;
}

/**
 * Drops the partition and records the event in one transaction. The partition goes first: DROP takes the trail's
 * table lock, which waits for writers in flight; taking the chain lock first (by inserting) could deadlock with them.
 * Under that lock the month is checked once more against what was archived.
 */
async function dropMonth(client: pg.ClientBase, partition: string, event: ArchiveEvent): Promise<void> {
  const table = client.escapeIdentifier(partition);
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE');
    const { rows } = await client.query<{ entries: number; last: string | null }>(
      `SELECT count(*)::int AS entries, (SELECT entry_hash FROM ${table} ORDER BY sequence DESC LIMIT 1) AS last
         FROM ${table}`,
    );
    if (rows[0]?.entries !== event.entries || (rows[0]?.last ?? null) !== event.lastHash) {
      throw new Error(`the month ${event.month} changed while it was archived; nothing was dropped`);
    }
    await client.query(`DROP TABLE ${table}`);
    await recordChangeEvent(client, systemChangeActor('hub audit archive'), event);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
