import type { DiscrepancyCaseActor } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

/** 入户核查: the notes of a home visit; an open case is then in progress. */
export function recordHomeVisit(
  pool: pg.Pool,
  caseId: string,
  visit: { visitedOn: Date; notes: string },
  actor: DiscrepancyCaseActor,
): Promise<{ id: string }> {
  const notes = visit.notes.trim();
  if (!notes) throw badUserInputError('BLANK_VALUE', 'notes: say what the visit found', { field: 'notes' });
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    const status = nextCaseStatus('RECORD_VISIT', found.status);
    await client.query(`UPDATE discrepancy_cases SET status = $2::"DiscrepancyCaseStatus" WHERE id = $1`, [
      caseId,
      status,
    ]);
    return { type: 'VISIT_RECORDED', details: { visitedOn: visit.visitedOn.toISOString().slice(0, 10), notes } };
  });
}
