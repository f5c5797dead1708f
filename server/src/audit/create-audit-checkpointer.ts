import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type pg from 'pg';
import { type AuditCheckpoint, parseCheckpoints, signCheckpoint } from './audit-checkpoint.ts';

export interface AuditCheckpointOptions {
  /** The JSON-lines file checkpoints are appended to, outside the database. */
  file: string;
  privateKey: KeyObject;
  /** Sign once this many entries were written since the last checkpoint. */
  everyEntries: number;
  /** And at least this often while the chain grows (change events, other instances' entries). */
  everyMilliseconds: number;
}

export interface AuditCheckpointer {
  /** Counts entries this process wrote; signs when enough have been. */
  written(entries: number): void;
  /** Signs the head now unless it is already signed; resolves with the checkpoint in force. */
  checkpoint(): Promise<AuditCheckpoint | undefined>;
  /** The latest checkpoints, newest last. */
  latest(limit: number): AuditCheckpoint[];
  close(): Promise<void>;
}

const KEPT_IN_MEMORY = 1_000;

// Under the chain's own lock, so no entry is half-written: every entry after the head is dated after this time.
const HEAD_SQL = `SELECT head.sequence::text AS sequence, head.entry_hash AS hash,
  to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "databaseTime"
  FROM (SELECT 1) one LEFT JOIN LATERAL (
    SELECT e.sequence, e.entry_hash FROM audit_entries e ORDER BY e.sequence DESC LIMIT 1) head ON true`;

/** Signs the chain head (sequence, hash, database time) every N entries or seconds into a file outside the database. */
export function createAuditCheckpointer(pool: pg.Pool, options: AuditCheckpointOptions): AuditCheckpointer {
  const kept: AuditCheckpoint[] = existsSync(options.file)
    ? parseCheckpoints(readFileSync(options.file, 'utf8'), options.file).slice(-KEPT_IN_MEMORY)
    : [];
  let sinceLast = 0;
  let inFlight: Promise<AuditCheckpoint | undefined> | undefined;

  async function signHead(): Promise<AuditCheckpoint | undefined> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query('SELECT pg_advisory_xact_lock(7316410201)');
      const { rows } = await client.query<{ sequence: string | null; hash: string | null; databaseTime: string }>(
        HEAD_SQL,
      );
      await client.query('COMMIT');
      const head = rows[0];
      if (!head?.sequence || !head.hash) return undefined;
      const previous = kept.at(-1);
      if (previous?.sequence === head.sequence && previous.hash === head.hash) return previous;
      const checkpoint = signCheckpoint(
        { sequence: head.sequence, hash: head.hash, databaseTime: head.databaseTime },
        options.privateKey,
      );
      await mkdir(dirname(options.file), { recursive: true });
      await appendFile(options.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o644 });
      kept.push(checkpoint);
      if (kept.length > KEPT_IN_MEMORY) kept.shift();
      return checkpoint;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  const checkpoint = () => {
    sinceLast = 0;
    inFlight ??= signHead().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  // A failed checkpoint is retried by the next trigger; the chain itself is unharmed.
  const checkpointQuietly = () => void checkpoint().catch(() => {});
  const timer = setInterval(checkpointQuietly, options.everyMilliseconds);
  timer.unref();

  return {
    written(entries) {
      sinceLast += entries;
      if (sinceLast >= options.everyEntries) checkpointQuietly();
    },
    checkpoint,
    latest: (limit) => kept.slice(-limit),
    async close() {
      clearInterval(timer);
      await inFlight?.catch(() => {});
      await checkpoint().catch(() => {});
    },
  };
}
