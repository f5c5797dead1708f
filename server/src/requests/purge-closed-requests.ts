import type pg from 'pg';
import { systemChangeActor } from '../audit/change-actors.ts';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { purgeInBatches } from '../retention/purge-in-batches.ts';

/** One verification request retention deleted. */
export interface PurgedRequest {
  requestId: string;
  reference: string;
  departmentId: string;
}

// A request is closed once REPORTED; it is purged `days` days after its report, with its members, declared items
// and authorisation file (they cascade). FOR UPDATE SKIP LOCKED: another process purging takes other rows.
const CLOSED = `
  SELECT id, reference, department_id, household_id, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on,
         reported_at, authorisation_sha256
    FROM verification_requests
   WHERE status = 'REPORTED' AND reported_at < now() - make_interval(days => $1::int)
   ORDER BY id
   LIMIT 200
   FOR UPDATE SKIP LOCKED`;

interface Closed {
  id: string;
  reference: string;
  department_id: string;
  household_id: string;
  submitted_on: string;
  reported_at: Date;
  authorisation_sha256: string;
}

/**
 * Deletes every verification request reported more than `days` days ago, in batches of one transaction each, every
 * deletion with a VERIFICATION_REQUEST_PURGED event in the same transaction (its reference, household, dates and
 * the authorisation file's SHA-256 as old values). The comparison run it started keeps its assessments.
 */
export async function purgeClosedRequests(pool: pg.Pool, days: number): Promise<PurgedRequest[]> {
  return purgeInBatches<Closed, PurgedRequest>(pool, { sql: CLOSED, params: [days] }, async (client, request) => {
    await client.query('DELETE FROM verification_requests WHERE id = $1', [request.id]);
    await recordChangeEvent(client, systemChangeActor('purgeClosedRequests'), {
      type: 'VERIFICATION_REQUEST_PURGED',
      reason: `retention: verification requests are kept ${days} days after their report`,
      requestId: request.id,
      reference: request.reference,
      departmentId: request.department_id,
      changes: [
        { field: 'householdId', old: request.household_id, new: null },
        { field: 'submittedOn', old: request.submitted_on, new: null },
        { field: 'reportedAt', old: request.reported_at.toISOString(), new: null },
        { field: 'authorisationSha256', old: request.authorisation_sha256, new: null },
      ],
    });
    return { requestId: request.id, reference: request.reference, departmentId: request.department_id };
  });
}
