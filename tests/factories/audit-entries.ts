import { randomUUID } from 'node:crypto';
import type { AuditEntryDraft } from '@hub/server/audit/form-audit-entries';
import { insertAuditEntries } from '@hub/server/audit/insert-audit-entries';
import type pg from 'pg';

/**
 * Switches every user trigger of the trail off or on, as a superuser: on audit_entries (which recurses to the row
 * triggers every partition inherits) and on each month's partition (whose statement-level append-only guard is its own).
 */
export async function switchAuditTriggers(client: pg.ClientBase, on: boolean): Promise<void> {
  const action = on ? 'ENABLE' : 'DISABLE';
  await client.query(`DO $$ DECLARE t regclass; BEGIN
      EXECUTE 'ALTER TABLE audit_entries ${action} TRIGGER USER';
      FOR t IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'audit_entries'::regclass LOOP
        EXECUTE format('ALTER TABLE %s ${action} TRIGGER USER', t);
      END LOOP;
    END $$`);
}

/** An entry as an administrator's request about nobody would leave it; override what the test is about. */
export function auditEntryDraft(overrides: Partial<AuditEntryDraft> = {}): AuditEntryDraft {
  return {
    occurredAt: new Date(),
    requestId: randomUUID(),
    actorKind: 'USER',
    userId: null,
    apiClientId: null,
    actorName: 'tester',
    departmentId: null,
    purpose: null,
    agreementIds: [],
    subjectPersonId: null,
    subjectHouseholdId: null,
    operation: 'me',
    itemsDisclosed: [],
    itemsDenied: [],
    decision: 'ALLOWED',
    reason: null,
    clientAddress: '127.0.0.1',
    ...overrides,
  };
}

/**
 * Entries dated when the test says, for reports over past days. The chain dates every entry itself (the database's
 * clock_timestamp()), so this inserts them, then, as the test's superuser behind the triggers, gives each its
 * draft's occurredAt and recomputes the chain from there with the database's function. Give them in time order and
 * before any other entry, or the chain (rightly) no longer verifies.
 */
export async function insertBackdatedAuditEntries(pool: pg.Pool, drafts: readonly AuditEntryDraft[]): Promise<void> {
  // An entry dated after now would stop the chain from growing (it refuses to go back in time) until that hour.
  const future = drafts.find((draft) => draft.occurredAt.getTime() > Date.now());
  if (future) throw new Error(`a backdated entry cannot be dated in the future: ${future.occurredAt.toISOString()}`);
  const { rows } = await pool.query<{ next: string }>(
    'SELECT COALESCE(max(sequence), 0) + 1 AS next FROM audit_entries',
  );
  const first = Number(rows[0]?.next);
  // Each month's partition (China Standard Time months), made as the owner-side function makes the coming ones.
  await pool.query(
    `SELECT audit_entries_ensure_partition(month) FROM (SELECT DISTINCT (at AT TIME ZONE 'Asia/Shanghai')::date AS month
       FROM unnest($1::timestamptz[]) AS dated(at)) months`,
    [drafts.map((draft) => draft.occurredAt)],
  );
  await insertAuditEntries(pool, drafts);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await switchAuditTriggers(client, false);
    await client.query(
      `UPDATE audit_entries e SET occurred_at = dated.at
         FROM unnest($1::timestamptz[]) WITH ORDINALITY AS dated(at, n)
        WHERE e.sequence = $2::bigint + dated.n - 1`,
      [drafts.map((draft) => draft.occurredAt), first],
    );
    await client.query(
      `DO $$ DECLARE r RECORD; BEGIN
         FOR r IN SELECT sequence FROM audit_entries WHERE sequence >= ${first} ORDER BY sequence LOOP
           UPDATE audit_entries SET previous_hash = COALESCE(
             (SELECT entry_hash FROM audit_entries WHERE sequence = r.sequence - 1), repeat('0', 64))
            WHERE sequence = r.sequence;
           UPDATE audit_entries e SET entry_hash = audit_entry_hash(e) WHERE sequence = r.sequence;
         END LOOP;
       END $$`,
    );
    await switchAuditTriggers(client, true);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
