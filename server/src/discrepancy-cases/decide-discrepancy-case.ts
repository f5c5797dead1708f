import type { DiscrepancyCaseActor, DiscrepancyCaseDecision } from '@hub/schema/context';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { decisionColumns, decisionParameters, SET_DECISION } from './discrepancy-case-decision.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';
import { addWorkingDays } from './official-working-days.ts';

/** Decides a case in progress; the household may then ask for a 复查 for `appealWorkingDays` working days. */
export function decideDiscrepancyCase(
  pool: pg.Pool,
  caseId: string,
  decision: DiscrepancyCaseDecision,
  actor: DiscrepancyCaseActor,
  clock: { today: string; appealWorkingDays: number },
): Promise<{ id: string }> {
  const columns = decisionColumns(decision);
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    nextCaseStatus('DECIDE', found.status);
    const appealableUntil = addWorkingDays(clock.today, clock.appealWorkingDays);
    await client.query(
      `UPDATE discrepancy_cases SET status = 'DECIDED', ${SET_DECISION}, decided_by_id = $6, decided_at = now(),
              appealable_until = $7::date, decided_in_time = ($8::date <= due_on)
        WHERE id = $1`,
      [caseId, ...decisionParameters(columns), actor.userId, appealableUntil, clock.today],
    );
    return { type: 'DECIDED', details: { ...columns, appealableUntil } };
  });
}
