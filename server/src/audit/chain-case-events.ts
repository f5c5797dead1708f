import type { ChangeActor } from '@hub/schema/context';

// The case event's content as its chain entry seals it: the SHA-256 of this array's text (jsonb's text form, which
// canonicalCaseEvent writes again in Node for `hub audit verify`). The notes themselves stay with the case.
const caseEventDigest = (e: string) => `encode(sha256(convert_to(jsonb_build_array(
    ${e}.id::text, ${e}.case_id::text, ${e}.type::text,
    to_char(${e}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ${e}.actor_user_id::text,
    ${e}.actor_name, ${e}.run_id::text, ${e}.details)::text, 'UTF8')), 'hex')`;

/**
 * The end of a statement whose CTE `events` inserted case events (RETURNING *): one DISCREPANCY_CASE_STEP entry per
 * event, by the actor in parameters $first to $first + 7 (chainActorValues), in the same statement and so the same
 * transaction. Set-based: a run's ten thousand events are chained by one INSERT … SELECT. It takes the chain's lock:
 * end the transaction soon after.
 */
export function chainCaseEventsSql(first: number): string {
  const p = (n: number) => `$${first + n}`;
  return `
  INSERT INTO audit_entries (request_id, actor_kind, user_id, api_client_id, actor_name, department_id, agreement_ids,
                             operation, items_disclosed, items_denied, decision, client_address, event, change)
  SELECT ${p(0)}, ${p(1)}::"ActorKind", ${p(2)}::uuid, ${p(3)}::uuid, ${p(4)}, ${p(5)}::uuid, '{}', ${p(6)}, '{}', '{}',
         'ALLOWED', ${p(7)}, 'DISCREPANCY_CASE_STEP',
         jsonb_build_object('caseId', e.case_id, 'caseEventId', e.id, 'caseEventType', e.type,
                            'sha256', ${caseEventDigest('e')}, 'reason', NULL, 'changes', '[]'::jsonb)
    FROM events e ORDER BY e.case_id, e.occurred_at, e.id`;
}

/** The parameters chainCaseEventsSql reads, in its order. */
export const chainActorValues = (actor: ChangeActor) => [
  actor.requestId,
  actor.kind,
  actor.userId,
  actor.apiClientId,
  actor.name,
  actor.departmentId,
  actor.operation,
  actor.clientAddress,
];
