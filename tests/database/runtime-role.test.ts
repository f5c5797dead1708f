import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

// The hub connects as a role that can append to the trail and nothing more: not change or remove an entry, not
// switch a trigger off, not replace the functions the chain is computed with (issue 16, point 1).
const db = await createTestDatabase();
const hub = new pg.Pool({ connectionString: db.runtimeUrl, max: 1 });
const superuser = new pg.Pool({ connectionString: db.url, max: 1 });
afterAll(() => Promise.all([hub.end(), superuser.end()]));

const APPEND = `INSERT INTO audit_entries (request_id, actor_kind, actor_name, operation, decision, previous_hash,
  entry_hash) VALUES ('r', 'USER', 'tester', 'me', 'ALLOWED', '', '')`;

describe("the hub's database role", () => {
  it('appends to the trail and reads it', async () => {
    await hub.query(APPEND);
    const { rows } = await hub.query('SELECT count(*)::int AS entries FROM audit_entries');
    expect(rows[0].entries).toBeGreaterThan(0);
  });

  it.each([
    ['UPDATE', `UPDATE audit_entries SET actor_name = 'someone else'`, /permission denied/],
    ['DELETE', 'DELETE FROM audit_entries', /permission denied/],
    ['TRUNCATE', 'TRUNCATE audit_entries', /permission denied/],
    ['DISABLE TRIGGER', 'ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only', /must be owner/],
    ['DISABLE TRIGGER USER', 'ALTER TABLE audit_entries DISABLE TRIGGER USER', /must be owner/],
    ['ADD COLUMN', 'ALTER TABLE audit_entries ADD COLUMN note text', /must be owner/],
    ['DROP TABLE', 'DROP TABLE audit_entries', /must be owner/],
    [
      'CREATE OR REPLACE FUNCTION',
      `CREATE OR REPLACE FUNCTION audit_entry_hash(entry audit_entries) RETURNS CHAR(64)
         LANGUAGE sql AS $$ SELECT entry.entry_hash $$`,
      /must be owner/,
    ],
    ['DROP FUNCTION', 'DROP FUNCTION audit_entries_chain() CASCADE', /must be owner/],
    [
      'CREATE TRIGGER',
      `CREATE TRIGGER t BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_chain()`,
      /permission denied/,
    ],
    ['session_replication_role', `SET session_replication_role = replica`, /permission denied/],
    ['CREATE SCHEMA', 'CREATE SCHEMA shadow', /permission denied/],
    ['the migration ledger', `DELETE FROM "_prisma_migrations"`, /permission denied/],
  ])('is refused %s', async (_name, sql, refusal) => {
    const before = await superuser.query('SELECT count(*)::int AS n, max(entry_hash) AS h FROM audit_entries');
    await expect(hub.query(sql)).rejects.toThrow(refusal);
    const after = await superuser.query('SELECT count(*)::int AS n, max(entry_hash) AS h FROM audit_entries');
    expect(after.rows).toEqual(before.rows);
  });

  it('leaves the trail, its triggers and its functions to the owner role', async () => {
    const { rows } = await superuser.query(
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'audit_entries'
       UNION ALL SELECT pg_get_userbyid(proowner) FROM pg_proc
        WHERE proname IN ('audit_entry_hash', 'audit_entry_canonical', 'audit_entries_chain', 'audit_entries_refuse_change')`,
    );
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.owner))).toEqual(new Set(['hub_test_owner']));
  });
});
