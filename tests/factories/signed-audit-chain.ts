import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditCheckpoint } from '@hub/server/audit/audit-checkpoint';
import { createAuditCheckpointer } from '@hub/server/audit/create-audit-checkpointer';
import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import { ensureAuditSigningKey } from '@hub/server/audit/ensure-audit-signing-key';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';
import { auditEntryDraft, switchAuditTriggers } from './audit-entries.ts';

export interface SignedAuditChain {
  db: TestDatabase;
  /** A superuser pool: the attacker with a DBA's rights. */
  pool: pg.Pool;
  checkpoints: AuditCheckpoint[];
  checkpointFile: string;
  publicKeyFile: string;
}

/** A chain of `count` entries on a database of its own, signed every `every` entries into a checkpoint file. */
export async function signedAuditChain(count: number, every = 10): Promise<SignedAuditChain> {
  const db = await createTestDatabase();
  const directory = mkdtempSync(join(tmpdir(), 'hub-audit-'));
  const keyFile = join(directory, 'signing-key.pem');
  const checkpointFile = join(directory, 'checkpoints.jsonl');
  const { privateKey } = ensureAuditSigningKey(keyFile);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  afterAll(async () => {
    await pool.end();
    rmSync(directory, { recursive: true, force: true });
  });
  const checkpointer = createAuditCheckpointer(pool, {
    file: checkpointFile,
    privateKey,
    everyEntries: Number.MAX_SAFE_INTEGER,
    everyMilliseconds: 3_600_000,
  });
  const writer = createAuditWriter(db.url);
  const checkpoints: AuditCheckpoint[] = [];
  for (let written = 0; written < count; written += every) {
    const batch = Math.min(every, count - written);
    await writer.write(Array.from({ length: batch }, (_, n) => auditEntryDraft({ operation: `op${written + n + 1}` })));
    const checkpoint = await checkpointer.checkpoint();
    if (checkpoint) checkpoints.push(checkpoint);
  }
  await writer.close();
  await checkpointer.close();
  return { db, pool, checkpoints, checkpointFile, publicKeyFile: `${keyFile}.pub` };
}

/** Writes checkpoints to a file of their own (a witness's copy). */
export function writeCheckpointFile(file: string, checkpoints: readonly AuditCheckpoint[]): void {
  writeFileSync(file, checkpoints.map((checkpoint) => `${JSON.stringify(checkpoint)}\n`).join(''));
}

/** What an intruder with superuser rights does: switch the triggers off, change the table, switch them on. */
export async function tamper(pool: pg.Pool, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await switchAuditTriggers(client, false);
    await client.query(sql);
    await switchAuditTriggers(client, true);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
