import { createHash } from 'node:crypto';

/** An audit entry as `hub audit verify` reads it: every column in PostgreSQL's own text output, nothing computed. */
export interface StoredAuditEntry {
  sequence: string;
  id: string;
  /** occurred_at::text under TIME ZONE 'UTC': 2026-12-05 08:50:01.123456+00 (trailing zeros dropped). */
  occurred_at: string;
  request_id: string;
  actor_kind: string;
  user_id: string | null;
  api_client_id: string | null;
  actor_name: string;
  department_id: string | null;
  purpose: string | null;
  agreement_ids: string[] | null;
  subject_person_id: string | null;
  subject_household_id: string | null;
  operation: string;
  items_disclosed: string[] | null;
  items_denied: string[] | null;
  decision: string;
  reason: string | null;
  client_address: string | null;
  previous_hash: string;
  entry_hash: string;
  event: string | null;
  /** change::text: jsonb's text form, which is also its form nested in the canonical array. */
  change: string | null;
}

/** The SQL that reads entries in the shape above (after `SET TIME ZONE 'UTC'`). */
export const STORED_AUDIT_ENTRY_COLUMNS = `e.sequence::text AS sequence, id::text AS id, occurred_at::text AS occurred_at,
  request_id, actor_kind::text AS actor_kind, user_id::text AS user_id, api_client_id::text AS api_client_id,
  actor_name, department_id::text AS department_id, purpose::text AS purpose, agreement_ids::text[] AS agreement_ids,
  subject_person_id::text AS subject_person_id, subject_household_id::text AS subject_household_id, operation,
  items_disclosed, items_denied, decision::text AS decision, reason, client_address, previous_hash, entry_hash,
  event::text AS event, change::text AS change`;

/** occurred_at as the chain serialises it: UTC, YYYY-MM-DDTHH:MI:SS.ffffffZ. */
export function chainTime(postgresUtcText: string): string {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/.exec(postgresUtcText);
  if (!match) throw new Error(`unexpected timestamp ${postgresUtcText}: read it under TIME ZONE 'UTC'`);
  return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(6, '0')}Z`;
}

// jsonb's text form of a string is JSON.stringify's: both escape ", \, \b, \f, \n, \r, \t and other controls as
// \u00xx, and nothing else (PostgreSQL's text is valid UTF-8, so no lone surrogates).
const jsonText = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
const jsonArray = (values: string[] | null) => (values === null ? 'null' : `[${values.map(jsonText).join(', ')}]`);

/**
 * The serialisation that audit_entry_canonical() defines (migrations 20261201100000 and 20261205150000), written
 * again here so that verification trusts no function in the database.
 */
export function canonicalAuditEntry(entry: StoredAuditEntry): string {
  const elements = [
    jsonText(entry.event === null ? 'audit-entry/1' : 'audit-entry/2'),
    jsonText(entry.sequence),
    jsonText(entry.id),
    jsonText(chainTime(entry.occurred_at)),
    jsonText(entry.request_id),
    jsonText(entry.actor_kind),
    jsonText(entry.user_id),
    jsonText(entry.api_client_id),
    jsonText(entry.actor_name),
    jsonText(entry.department_id),
    jsonText(entry.purpose),
    jsonArray(entry.agreement_ids),
    jsonText(entry.subject_person_id),
    jsonText(entry.subject_household_id),
    jsonText(entry.operation),
    jsonArray(entry.items_disclosed),
    jsonArray(entry.items_denied),
    jsonText(entry.decision),
    jsonText(entry.reason),
    jsonText(entry.client_address),
    jsonText(entry.previous_hash),
  ];
  if (entry.event !== null) elements.push(jsonText(entry.event), entry.change ?? 'null');
  return `[${elements.join(', ')}]`;
}

/** SHA-256, lowercase hex, of the canonical serialisation's UTF-8 bytes. */
export function auditEntryHash(entry: StoredAuditEntry): string {
  return createHash('sha256').update(canonicalAuditEntry(entry), 'utf8').digest('hex');
}
