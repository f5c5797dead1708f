import type { DiscrepancyCaseActor } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

/** Closes a decided case once the household can no longer ask for a 复查: its review decided, or its window past. */
export function closeDiscrepancyCase(
  pool: pg.Pool,
  caseId: string,
  actor: DiscrepancyCaseActor,
  clock: { today: string },
): Promise<{ id: string }> {
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    nextCaseStatus('CLOSE', found.status);
    if (!found.appealDecidedAt && found.appealableUntil && clock.today <= found.appealableUntil) {
      throw conflictError('APPEAL_WINDOW_OPEN', `the household may ask for a review until ${found.appealableUntil}`, {
        appealableUntil: found.appealableUntil,
      });
    }
    await client.query(
      `UPDATE discrepancy_cases SET status = 'CLOSED', closure = 'RESOLVED', closed_at = now() WHERE id = $1`,
      [caseId],
    );
    return { type: 'CLOSED', details: { closure: 'RESOLVED' } };
  });
}
