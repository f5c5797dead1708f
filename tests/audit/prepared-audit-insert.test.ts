import { insertAuditEntries } from '@hub/server/audit/insert-audit-entries';
import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEntryDraft } from '../factories/audit-entries.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Issue 18: groups of up to 100 entries go as a prepared statement of their size (one per size and connection);
// larger groups as text, and over 1,000 as several statements in one transaction. Every way must keep the entries
// whole and in their order.
const db = await createTestDatabase();
const owner = new pg.Pool({ connectionString: db.url, max: 1 });
// One connection, so that a size's second group reuses the statement its first group prepared.
const hub = new pg.Pool({ connectionString: db.runtimeUrl, max: 1 });
afterAll(() => Promise.all([owner.end(), hub.end()]));

describe('the audit insert, prepared per group size', () => {
  it('writes groups of each size class whole and in order, reusing a prepared size', async () => {
    const sizes = [1, 2, 2, 100, 100, 101, 1_001, 1];
    const written: string[] = [];
    for (const [group, size] of sizes.entries()) {
      const drafts = Array.from({ length: size }, (_, n) => auditEntryDraft({ operation: `g${group}-${n}` }));
      await insertAuditEntries(hub, drafts);
      written.push(...drafts.map((draft) => draft.operation));
    }
    const { rows } = await owner.query<{ operation: string }>(
      `SELECT operation FROM audit_entries WHERE operation ~ '^g[0-9]+-' ORDER BY sequence`,
    );
    expect(rows.map((row) => row.operation)).toEqual(written);
    const prepared = await hub.query<{ name: string }>(
      `SELECT name FROM pg_prepared_statements WHERE name LIKE 'insert-audit-entries-%' ORDER BY name`,
    );
    expect(prepared.rows.map((row) => row.name)).toEqual([
      'insert-audit-entries-1',
      'insert-audit-entries-100',
      'insert-audit-entries-2',
    ]);
    expect(await verifyAuditChain(owner)).toMatchObject({ intact: true });
  });

  it('refuses a bad group as a whole, and the size prepared before still serves the next group', async () => {
    const before = await owner.query<{ count: string }>('SELECT count(*)::text AS count FROM audit_entries');
    // An entry without its actor, as no caller of the writer could form one: NOT NULL refuses the whole statement.
    const bad = [
      auditEntryDraft({ operation: 'bad-0' }),
      { ...auditEntryDraft({ operation: 'bad-1' }), actorName: null },
    ];
    await expect(insertAuditEntries(hub, bad as never)).rejects.toThrow(/actor_name/);
    expect((await owner.query('SELECT count(*)::text AS count FROM audit_entries')).rows).toEqual(before.rows);
    await insertAuditEntries(hub, [
      auditEntryDraft({ operation: 'after-0' }),
      auditEntryDraft({ operation: 'after-1' }),
    ]);
    const { rows } = await owner.query<{ operation: string }>(
      `SELECT operation FROM audit_entries ORDER BY sequence DESC LIMIT 2`,
    );
    expect(rows.map((row) => row.operation)).toEqual(['after-1', 'after-0']);
    expect(await verifyAuditChain(owner)).toMatchObject({ intact: true });
  });
});
