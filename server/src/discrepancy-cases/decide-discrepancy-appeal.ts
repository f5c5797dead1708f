import type { DiscrepancyCaseActor, DiscrepancyCaseDecision } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { decisionColumns, decisionParameters, SET_DECISION } from './discrepancy-case-decision.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

/** Decides a 复查: by an officer other than the one who made the first decision, who is refused. */
export function decideDiscrepancyAppeal(
  pool: pg.Pool,
  caseId: string,
  decision: DiscrepancyCaseDecision,
  actor: DiscrepancyCaseActor,
): Promise<{ id: string }> {
  const columns = decisionColumns(decision);
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    nextCaseStatus('DECIDE_APPEAL', found.status);
    if (found.decidedById === actor.userId) {
      throw conflictError('SAME_OFFICER_APPEAL', 'a review is decided by an officer other than the first decision’s');
    }
    await client.query(
      `UPDATE discrepancy_cases SET status = 'DECIDED', ${SET_DECISION}, appeal_decided_by_id = $6,
              appeal_decided_at = now(), appealable_until = NULL
        WHERE id = $1`,
      [caseId, ...decisionParameters(columns), actor.userId],
    );
    return { type: 'APPEAL_DECIDED', details: { ...columns, firstDeciderId: found.decidedById } };
  });
}
