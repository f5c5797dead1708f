import type { DiscrepancyCaseActor } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

/** The household's own explanation of the finding, as the officer took it down; an open case is then in progress. */
export function recordHouseholdExplanation(
  pool: pg.Pool,
  caseId: string,
  text: string,
  actor: DiscrepancyCaseActor,
): Promise<{ id: string }> {
  const explanation = text.trim();
  if (!explanation) {
    throw badUserInputError('BLANK_VALUE', 'explanation: write down what the household said', {
      field: 'explanation',
    });
  }
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    const status = nextCaseStatus('RECORD_EXPLANATION', found.status);
    await client.query(`UPDATE discrepancy_cases SET status = $2::"DiscrepancyCaseStatus" WHERE id = $1`, [
      caseId,
      status,
    ]);
    return { type: 'EXPLANATION_RECORDED', details: { explanation } };
  });
}
