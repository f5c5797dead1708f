import type { CaseReferralStatus } from '@hub/prisma';
import type { CaseReferralAnswer, DepartmentReferral, ReferralRecipientActor } from '@hub/schema/context';
import { badUserInputError, conflictError, notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';
import { chainActorValues, chainCaseEventsSql } from '../audit/chain-case-events.ts';
import { readCaseReferrals } from './read-case-referrals.ts';

// What a department may answer from each state: it accepts or declines a new referral, or reports it done at once;
// an accepted one it reports done (or declines after all). DONE and DECLINED are final.
const ANSWERS: Record<CaseReferralStatus, readonly CaseReferralStatus[]> = {
  REFERRED: ['ACCEPTED', 'DECLINED', 'DONE'],
  ACCEPTED: ['DONE', 'DECLINED'],
  DECLINED: [],
  DONE: [],
};

const RECORD_ANSWER = `
  WITH events AS (
    INSERT INTO discrepancy_case_events (case_id, type, actor_name, details)
    VALUES ($1, 'REFERRAL_ANSWERED', $2, $3::jsonb) RETURNING *)
  ${chainCaseEventsSql(4)}`;

const notFound = () => notFoundError('no such referral (or it was not made to your department)');

/**
 * The department's answer to a referral made to it (another department's looks missing), recorded on the case as a
 * REFERRAL_ANSWERED event, chained into the audit trail, in one transaction.
 */
export async function answerCaseReferral(
  pool: pg.Pool,
  referralId: string,
  answer: CaseReferralAnswer,
  recipient: ReferralRecipientActor,
): Promise<DepartmentReferral> {
  const text = answer.text.trim();
  if (!text) throw badUserInputError('BLANK_VALUE', 'text: say what your department did', { field: 'text' });
  if (!isUuid(referralId)) throw notFound();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const found = (
      await client.query<{ case_id: string; status: CaseReferralStatus }>(
        'SELECT case_id, status FROM case_referrals WHERE id = $1 AND department_id = $2 FOR UPDATE',
        [referralId, recipient.departmentId],
      )
    ).rows[0];
    if (!found) throw notFound();
    if (!ANSWERS[found.status].includes(answer.status)) {
      throw conflictError(
        'INVALID_TRANSITION',
        `a referral that is ${found.status} cannot be answered ${answer.status}`,
        {
          status: found.status,
        },
      );
    }
    await client.query(
      `UPDATE case_referrals SET status = $2::"CaseReferralStatus", answer = $3, answered_at = now() WHERE id = $1`,
      [referralId, answer.status, text],
    );
    const details = { referralId, departmentId: recipient.departmentId, status: answer.status, answer: text };
    await client.query(RECORD_ANSWER, [
      found.case_id,
      recipient.change.name,
      JSON.stringify(details),
      ...chainActorValues(recipient.change),
    ]);
    const [answered] = await readCaseReferrals(client, recipient.departmentId, { referralId });
    await client.query('COMMIT');
    return answered as DepartmentReferral;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
