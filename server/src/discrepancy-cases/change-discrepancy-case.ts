import type { DiscrepancyCaseEventType, DiscrepancyCaseStatus } from '@hub/prisma';
import type { DiscrepancyCaseActor } from '@hub/schema/context';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';
import { reachesCase } from '../access/discrepancy-case-reach.ts';
import { chainActorValues, chainCaseEventsSql } from '../audit/chain-case-events.ts';
import type { DiscrepancyCaseEventDetails } from './discrepancy-case-event.ts';

/** The case as a step finds it, locked until the step's transaction ends. */
export interface LockedCase {
  id: string;
  status: DiscrepancyCaseStatus;
  kind: string;
  officeRegionCode: string;
  escalatedToRegionCode: string | null;
  decidedById: string | null;
  appealableUntil: string | null;
  appealDecidedAt: Date | null;
}

const LOCK_CASE = `
  SELECT id, status, kind, office_region_code AS "officeRegionCode",
         escalated_to_region_code AS "escalatedToRegionCode", decided_by_id AS "decidedById",
         to_char(appealable_until, 'YYYY-MM-DD') AS "appealableUntil", appeal_decided_at AS "appealDecidedAt"
    FROM discrepancy_cases WHERE id = $1 FOR UPDATE`;

const RECORD_EVENT = `
  WITH events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_user_id, actor_name, details)
    VALUES ($1, $2::"DiscrepancyCaseEventType", $3, $4, $5::jsonb) RETURNING *)
  ${chainCaseEventsSql(6)}`;

/** What a step did, for its event. */
export interface CaseStepOutcome<Type extends DiscrepancyCaseEventType> {
  type: Type;
  details: DiscrepancyCaseEventDetails[Type];
}

/**
 * Takes one step on a case in one transaction: locks it, lets `step` check and apply the change, and records the
 * step's typed event with its actor, chained into the audit trail, or changes nothing. A case outside the actor's offices is NOT_FOUND, exactly as
 * one that does not exist.
 */
export async function changeDiscrepancyCase<Type extends DiscrepancyCaseEventType>(
  pool: pg.Pool,
  caseId: string,
  actor: DiscrepancyCaseActor,
  step: (found: LockedCase, client: pg.PoolClient) => Promise<CaseStepOutcome<Type>>,
): Promise<{ id: string }> {
  if (!isUuid(caseId)) throw caseNotFound();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const found = (await client.query<LockedCase>(LOCK_CASE, [caseId])).rows[0];
    if (!found || !reachesCase(actor.offices, found)) throw caseNotFound();
    const outcome = await step(found, client);
    await client.query(RECORD_EVENT, [
      caseId,
      outcome.type,
      actor.userId,
      actor.username,
      JSON.stringify(outcome.details),
      ...chainActorValues(actor.change),
    ]);
    await client.query('COMMIT');
    return { id: caseId };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export const caseNotFound = () => notFoundError('no such discrepancy case (or it is not your office’s)');
