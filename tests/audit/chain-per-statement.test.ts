import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEntryDraft } from '../factories/audit-entries.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Issue 18: the chain's head is looked up once per INSERT statement and kept in hub.audit_chain_head for the
// statement's rows; the chain must read exactly as when each row looked the head up itself.
const db = await createTestDatabase();
const owner = new pg.Pool({ connectionString: db.url, max: 1 });
const hub = new pg.Pool({ connectionString: db.runtimeUrl, max: 1 });
const writer = createAuditWriter(db.runtimeUrl);
afterAll(async () => {
  await writer.close();
  await Promise.all([owner.end(), hub.end()]);
});

const ROWS = (count: number, reason = 'NULL') =>
  `INSERT INTO audit_entries (request_id, actor_kind, actor_name, operation, decision, reason)
   SELECT 'batch-' || n, 'SYSTEM', 'tester', 'batch', 'ALLOWED', ${reason} FROM generate_series(1, ${count}) n`;

const chain = async () =>
  (
    await owner.query<{ sequence: string; previous_hash: string; entry_hash: string; recomputed: string }>(
      `SELECT sequence::text, previous_hash, entry_hash, audit_entry_hash(e) AS recomputed
         FROM audit_entries e ORDER BY e.sequence`,
    )
  ).rows;

let entries = 0;

describe('the audit chain, one head lookup per statement', () => {
  it('numbers, links and hashes a batch of one statement as one row after another', async () => {
    const existing = (await chain()).length;
    await writer.write(Array.from({ length: 3 }, (_, n) => auditEntryDraft({ operation: `before${n}` })));
    await writer.write(Array.from({ length: 40 }, (_, n) => auditEntryDraft({ operation: `group${n}` })));
    await hub.query(ROWS(25));
    const rows = await chain();
    expect(rows).toHaveLength(existing + 68);
    rows.forEach((row, index) => {
      expect(row.sequence).toBe(String(Number(rows[0]?.sequence) + index));
      expect(row.previous_hash).toBe(index === 0 ? '0'.repeat(64) : rows[index - 1]?.entry_hash);
      expect(row.entry_hash).toBe(row.recomputed);
    });
    expect(await verifyAuditChain(owner)).toEqual({ intact: true, entries: existing + 68 });
    entries = existing + 68;
  });

  it("refuses a statement whose rows move the kept head between two rows' triggers, and adds nothing", async () => {
    const before = await chain();
    const forged = `set_config('hub.audit_chain_head', '2,0,' || repeat('a', 64), true)`;
    await expect(hub.query(ROWS(3, forged))).rejects.toThrow(/do not continue the chain/);
    const stale = `set_config('hub.audit_chain_head', '2,0,' || (SELECT entry_hash FROM audit_entries WHERE sequence = 2), true)`;
    await expect(hub.query(ROWS(3, stale))).rejects.toThrow(/do not continue the chain/);
    expect(await chain()).toEqual(before);
  });

  it('takes no head kept by an earlier statement or set before the statement', async () => {
    const client = await hub.connect();
    try {
      await client.query('BEGIN');
      await client.query(ROWS(2));
      await client.query(`SELECT set_config('hub.audit_chain_head', '1,0,' || repeat('b', 64), true)`);
      await client.query(ROWS(2));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await verifyAuditChain(owner)).toEqual({ intact: true, entries: entries + 4 });
  });

  it("continues the chain from an owner's insert straight into a month's partition", async () => {
    const { rows } = await owner.query<{ month: string }>(
      `SELECT tableoid::regclass::text AS month FROM audit_entries ORDER BY sequence DESC LIMIT 1`,
    );
    await owner.query(ROWS(2).replace('INTO audit_entries', `INTO ${rows[0]?.month}`));
    expect(await verifyAuditChain(owner)).toEqual({ intact: true, entries: entries + 6 });
  });
});
