import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import { GENESIS_HASH, verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryDraft } from '../factories/audit-entries.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The test server's connection is a superuser's: the rules below hold even for one.
const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 4 });
const writer = createAuditWriter(db.url);

afterAll(async () => {
  await writer.close();
  await pool.end();
});

beforeAll(async () => {
  await writer.write(Array.from({ length: 5 }, (_, n) => auditEntryDraft({ operation: `setup${n}` })));
});

describe('the database keeps audit entries append-only', () => {
  it.each([
    ['UPDATE', `UPDATE audit_entries SET reason = 'edited'`],
    ['DELETE', 'DELETE FROM audit_entries'],
    ['TRUNCATE', 'TRUNCATE audit_entries'],
  ])('refuses %s, even to a superuser', async (operation, sql) => {
    const { rows } = await pool.query<{ superuser: boolean }>(
      `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]?.superuser).toBe(true);
    await expect(pool.query(sql)).rejects.toThrow(`audit_entries is append-only: ${operation} is refused`);
    expect((await pool.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it('refuses an UPDATE that matches no row', async () => {
    await expect(pool.query(`UPDATE audit_entries SET reason = 'x' WHERE false`)).rejects.toThrow('append-only');
  });

  it('refuses changes under session_replication_role = replica too', async () => {
    const client = await pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await expect(client.query('DELETE FROM audit_entries')).rejects.toThrow('append-only');
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
  });
});

describe('the hash chain', () => {
  it('starts from 64 zeros and links each entry to the one before, whatever the inserter sends', async () => {
    await pool.query(
      `INSERT INTO audit_entries (sequence, request_id, actor_kind, actor_name, operation, decision, previous_hash, entry_hash)
       VALUES (999, 'psql', 'SYSTEM', 'dba', 'manual', 'ALLOWED', repeat('a', 64), repeat('b', 64))`,
    );
    const { rows } = await pool.query<{ sequence: string; previous_hash: string; entry_hash: string }>(
      'SELECT e.sequence::text AS sequence, previous_hash, entry_hash FROM audit_entries e ORDER BY e.sequence',
    );
    expect(rows[0]?.previous_hash).toBe(GENESIS_HASH);
    rows.forEach((row, index) => {
      expect(row.sequence).toBe(String(index + 1));
      if (index > 0) expect(row.previous_hash).toBe(rows[index - 1]?.entry_hash);
      expect(row.entry_hash).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(rows.at(-1)?.entry_hash).not.toBe('b'.repeat(64));
    expect(await verifyAuditChain(pool)).toEqual({ intact: true, entries: rows.length });
  });

  it('stays one linear chain, in sequence order, under concurrent writers on separate instances', async () => {
    const writers = Array.from({ length: 4 }, () => createAuditWriter(db.url));
    try {
      await Promise.all(
        writers.flatMap((instance, w) =>
          Array.from({ length: 25 }, (_, n) => instance.write([auditEntryDraft({ operation: `w${w}-${n}` })])),
        ),
      );
    } finally {
      await Promise.all(writers.map((instance) => instance.close()));
    }
    const status = await verifyAuditChain(pool);
    expect(status).toMatchObject({ intact: true });
    expect(status.entries).toBe((await pool.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n);
  });

  it('resolves each caller only once its entries are committed', async () => {
    const requestId = `committed-${Date.now()}`;
    await writer.write([auditEntryDraft({ requestId })]);
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      expect((await other.query('SELECT 1 FROM audit_entries WHERE request_id = $1', [requestId])).rowCount).toBe(1);
    } finally {
      await other.end();
    }
  });

  it('rejects every caller of a group whose transaction failed, and recovers for the next', async () => {
    // The first write goes at once; the two that arrive while it is in flight share the next transaction.
    const results = await Promise.allSettled([
      writer.write([auditEntryDraft()]),
      writer.write([auditEntryDraft({ userId: 'not-a-uuid' })]),
      writer.write([auditEntryDraft()]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    await expect(writer.write([auditEntryDraft()])).resolves.toBeUndefined();
    expect((await verifyAuditChain(pool)).intact).toBe(true);
  });
});
