import type { Prisma } from '@hub/prisma';
import type { ChangeEvent } from '@hub/schema/change-events';
import type { ChangeActor } from '@hub/schema/context';
import type pg from 'pg';

const INSERT_EVENT = `INSERT INTO audit_entries (request_id, actor_kind, user_id, api_client_id, actor_name, department_id,
    agreement_ids, subject_person_id, operation, items_disclosed, items_denied, decision, reason, client_address, event,
    change)
  VALUES ($1, $2::"ActorKind", $3::uuid, $4::uuid, $5, $6::uuid, $7::uuid[], $8::uuid, $9, '{}', '{}', 'ALLOWED', $10,
    $11, $12::"AuditEventType", $13::jsonb)`;

/**
 * Appends the change's typed event to the audit chain inside the change's own transaction, so that neither commits
 * without the other. Call it last: the chain's lock is held from here until the transaction ends.
 */
export async function recordChangeEvent(
  db: Prisma.TransactionClient | pg.ClientBase,
  actor: ChangeActor,
  event: ChangeEvent,
): Promise<void> {
  const { type, ...change } = event;
  const values = [
    actor.requestId,
    actor.kind,
    actor.userId,
    actor.apiClientId,
    actor.name,
    actor.departmentId,
    'agreementId' in event ? [event.agreementId] : [],
    'personId' in event ? event.personId : null,
    actor.operation,
    event.reason,
    actor.clientAddress,
    type,
    JSON.stringify(change),
  ];
  if ('$executeRawUnsafe' in db) await db.$executeRawUnsafe(INSERT_EVENT, ...values);
  else await db.query(INSERT_EVENT, values);
}
