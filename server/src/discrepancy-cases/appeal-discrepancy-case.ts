import type { DiscrepancyCaseActor } from '@hub/schema/context';
import { badUserInputError, conflictError } from '@hub/schema/errors';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';
import { addWorkingDays } from './official-working-days.ts';

/**
 * 复查: the household asks for the decision to be reviewed, with new evidence, within the window the decision set,
 * and once. The review gets its own deadline, counted like the case's from today.
 */
export function appealDiscrepancyCase(
  pool: pg.Pool,
  caseId: string,
  text: string,
  actor: DiscrepancyCaseActor,
  clock: { today: string; deadlineWorkingDays: (kind: string) => number },
): Promise<{ id: string }> {
  const evidence = text.trim();
  if (!evidence) {
    throw badUserInputError('BLANK_VALUE', 'evidence: a review needs the new evidence', { field: 'evidence' });
  }
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    nextCaseStatus('APPEAL', found.status);
    if (found.appealDecidedAt) {
      throw conflictError('ALREADY_APPEALED', 'the decision was already reviewed once', { status: found.status });
    }
    if (!found.appealableUntil || clock.today > found.appealableUntil) {
      throw conflictError('APPEAL_WINDOW_CLOSED', `a review could be asked for until ${found.appealableUntil}`, {
        appealableUntil: found.appealableUntil,
      });
    }
    const dueOn = addWorkingDays(clock.today, clock.deadlineWorkingDays(found.kind));
    await client.query(
      `UPDATE discrepancy_cases SET status = 'APPEALED', appealed_at = now(), due_on = $2::date, reminded_at = NULL
        WHERE id = $1`,
      [caseId, dueOn],
    );
    return { type: 'APPEALED', details: { evidence, dueOn } };
  });
}
