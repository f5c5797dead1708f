import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEntryDraft, switchAuditTriggers } from '../factories/audit-entries.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

/** `pnpm hub audit verify` as its own process against the database. */
function runVerifyCommand(databaseUrl: string) {
  return runHubCommand(['audit', 'verify', '--data-dir', '/nonexistent-hub-data'], databaseUrl);
}

/** A database with a chain of `count` entries, and a superuser pool on it. */
async function chainOf(count: number): Promise<{ db: TestDatabase; pool: pg.Pool }> {
  const db = await createTestDatabase();
  const writer = createAuditWriter(db.url);
  await writer.write(Array.from({ length: count }, (_, n) => auditEntryDraft({ operation: `op${n + 1}` })));
  await writer.close();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  afterAll(() => pool.end());
  return { db, pool };
}

/** What an intruder with superuser rights does: switch the triggers off, change the table, switch them on. */
async function tamper(pool: pg.Pool, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await switchAuditTriggers(client, false);
    await client.query(sql);
    await switchAuditTriggers(client, true);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

const idOf = async (pool: pg.Pool, sequence: number) =>
  (await pool.query<{ id: string }>('SELECT id FROM audit_entries WHERE sequence = $1', [sequence])).rows[0]?.id;

describe('detecting tampering', () => {
  it('finds an intact chain intact, and the command says so with exit code 0', async () => {
    const { db, pool } = await chainOf(12);
    expect(await verifyAuditChain(pool)).toEqual({ intact: true, entries: 12 });
    const { code, output } = await runVerifyCommand(db.url);
    expect(code).toBe(0);
    expect(output).toMatch(/^no checkpoints .*cannot see entries cut off its end\naudit chain intact: 12 entries\n$/);
  });

  it('names an entry whose content was altered behind the triggers, and the command exits 1', async () => {
    const { db, pool } = await chainOf(10);
    const id = await idOf(pool, 7);
    await tamper(pool, `UPDATE audit_entries SET actor_name = 'someone else' WHERE sequence = 7`);
    expect(await verifyAuditChain(pool)).toMatchObject({
      intact: false,
      entries: 6,
      firstBrokenSequence: 7n,
      firstBrokenId: id,
      problem: 'CONTENT_ALTERED',
    });
    const { code, output } = await runVerifyCommand(db.url);
    expect(code).toBe(1);
    expect(output).toContain(`audit chain broken at entry 7 (id ${id}): CONTENT_ALTERED`);
  });

  it('names the entry after a deleted one', async () => {
    const { pool } = await chainOf(10);
    const id = await idOf(pool, 5);
    await tamper(pool, 'DELETE FROM audit_entries WHERE sequence = 4');
    expect(await verifyAuditChain(pool)).toMatchObject({
      intact: false,
      entries: 3,
      firstBrokenSequence: 5n,
      firstBrokenId: id,
      problem: 'ENTRY_MISSING',
      detail: 'entry 5 follows a gap: sequence 4 is missing',
    });
  });

  it('finds a rewritten entry with a recomputed hash by the broken link after it', async () => {
    const { pool } = await chainOf(8);
    const id = await idOf(pool, 4);
    await tamper(
      pool,
      `UPDATE audit_entries e SET items_disclosed = ARRAY['BANK_DEPOSIT'] WHERE sequence = 3;
       UPDATE audit_entries e SET entry_hash = audit_entry_hash(e) WHERE sequence = 3`,
    );
    expect(await verifyAuditChain(pool)).toMatchObject({
      firstBrokenSequence: 4n,
      firstBrokenId: id,
      problem: 'LINK_BROKEN',
    });
  });

  it('walks a chain longer than one batch', async () => {
    const { pool } = await chainOf(6_000);
    expect(await verifyAuditChain(pool)).toEqual({ intact: true, entries: 6_000 });
  });
});
