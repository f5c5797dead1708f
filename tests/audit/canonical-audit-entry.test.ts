import {
  auditEntryHash,
  STORED_AUDIT_ENTRY_COLUMNS,
  type StoredAuditEntry,
} from '@hub/server/audit/canonical-audit-entry';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
afterAll(() => pool.end());

describe("Node's serialisation of an entry", () => {
  it('hashes exactly as the database wrote, for awkward text, empty and null lists, and typed change payloads', async () => {
    await pool.query(
      `INSERT INTO audit_entries (request_id, actor_kind, actor_name, operation, items_disclosed, items_denied,
         agreement_ids, decision, reason, client_address, previous_hash, entry_hash, event, change)
       VALUES
         ('r1', 'USER', '张三 "quoted" \\ back', E'line\\nbreak\\ttab\\u0001ctl/slash', ARRAY['A', 'B'], '{}', NULL,
          'PARTIAL', 'B:NO_AGREEMENT', '::1', '', '', NULL, NULL),
         ('r2', 'API_CLIENT', 'client-1', 'updateStandard', NULL, NULL, ARRAY[gen_random_uuid()], 'ALLOWED', NULL, NULL,
          '', '', 'STANDARD_CHANGED',
          '{"reason": "年度调标", "old": {"monthlyFen": 78000, "b": null}, "new": {"monthlyFen": 81000, "b": [1, "x"]},
            "z": true, "aa": -1.50}'::jsonb)`,
    );
    await pool.query(`SET TIME ZONE 'UTC'`);
    const { rows } = await pool.query<StoredAuditEntry>(
      `SELECT ${STORED_AUDIT_ENTRY_COLUMNS} FROM audit_entries e ORDER BY e.sequence`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(auditEntryHash(row)).toBe(row.entry_hash);
  });
});
