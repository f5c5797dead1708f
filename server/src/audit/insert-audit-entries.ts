import type pg from 'pg';
import type { AuditEntryDraft } from './form-audit-entries.ts';

// No occurred_at: the chain trigger dates each entry with the database's clock under its lock.
const COLUMNS = [
  'request_id',
  'actor_kind',
  'user_id',
  'api_client_id',
  'actor_name',
  'department_id',
  'purpose',
  'agreement_ids',
  'subject_person_id',
  'subject_household_id',
  'operation',
  'items_disclosed',
  'items_denied',
  'decision',
  'reason',
  'client_address',
] as const;

// PostgreSQL takes at most 65,535 parameters per statement; larger groups are split within one transaction.
const ROWS_PER_STATEMENT = 1_000;

const valuesOf = (entry: AuditEntryDraft) => [
  entry.requestId,
  entry.actorKind,
  entry.userId,
  entry.apiClientId,
  entry.actorName,
  entry.departmentId,
  entry.purpose,
  entry.agreementIds,
  entry.subjectPersonId,
  entry.subjectHouseholdId,
  entry.operation,
  entry.itemsDisclosed,
  entry.itemsDenied,
  entry.decision,
  entry.reason,
  entry.clientAddress,
];

function insertStatement(entries: readonly AuditEntryDraft[]): { text: string; values: unknown[] } {
  const rows = entries.map(
    (_entry, row) => `(${COLUMNS.map((_column, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
  );
  return {
    text: `INSERT INTO audit_entries (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
    values: entries.flatMap(valuesOf),
  };
}

/**
 * Inserts the entries in one transaction, in their order. The sequence, previous_hash and entry_hash are the
 * database's to assign (its chain trigger), so they are not sent.
 */
export async function insertAuditEntries(pool: pg.Pool, entries: readonly AuditEntryDraft[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length <= ROWS_PER_STATEMENT) {
    await pool.query(insertStatement(entries));
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
      await client.query(insertStatement(entries.slice(start, start + ROWS_PER_STATEMENT)));
    }
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    // A connection in an unknown state is not handed back to the pool.
    client.release(error as Error);
    throw error;
  }
}
