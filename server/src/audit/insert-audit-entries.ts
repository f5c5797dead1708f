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
// A group of up to this many entries (the group commit's usual sizes) goes as a prepared statement of its size,
// parsed and planned once per connection: PostgreSQL then spent 105 µs an entry in groups of 20 where the text sent
// each time cost 120–125 µs, and 520–535 µs against 585–660 µs in groups of 2 (docs/benchmarks.md). Larger groups,
// rare, go as text, so that a connection keeps at most this many statements.
const PREPARED_UP_TO_ROWS = 100;

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

const textOfSize = new Map<number, string>();

function insertText(rowCount: number): string {
  const known = textOfSize.get(rowCount);
  if (known) return known;
  const rows = Array.from(
    { length: rowCount },
    (_entry, row) => `(${COLUMNS.map((_column, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
  );
  const text = `INSERT INTO audit_entries (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`;
  if (rowCount <= PREPARED_UP_TO_ROWS) textOfSize.set(rowCount, text);
  return text;
}

function insertStatement(entries: readonly AuditEntryDraft[]): { name?: string; text: string; values: unknown[] } {
  return {
    name: entries.length <= PREPARED_UP_TO_ROWS ? `insert-audit-entries-${entries.length}` : undefined,
    text: insertText(entries.length),
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
