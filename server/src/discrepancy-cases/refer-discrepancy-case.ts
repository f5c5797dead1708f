import { REFERRAL_NEEDS } from '@hub/prisma/policy/case-referral';
import type { CaseReferralInput, DiscrepancyCaseActor } from '@hub/schema/context';
import { badUserInputError, conflictError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';
import { changeDiscrepancyCase } from './change-discrepancy-case.ts';
import { nextCaseStatus } from './discrepancy-case-transitions.ts';

/**
 * 转介: refers the case's household to another department for the help it needs, with the office's reason. The
 * department must give every need named (education: any department, none of the schema's kinds is one), and is
 * referred a case once; it reads the referral under its CASE_REFERRAL agreement.
 */
export function referDiscrepancyCase(
  pool: pg.Pool,
  caseId: string,
  referral: CaseReferralInput,
  actor: DiscrepancyCaseActor,
): Promise<{ id: string }> {
  const reason = referral.reason.trim();
  const needs = [...new Set(referral.needs)].sort();
  if (!reason) throw badUserInputError('BLANK_VALUE', 'reason: say why the household is referred', { field: 'reason' });
  if (needs.length === 0) throw badUserInputError('BLANK_VALUE', 'needs: name the help needed', { field: 'needs' });
  return changeDiscrepancyCase(pool, caseId, actor, async (found, client) => {
    nextCaseStatus('REFER', found.status);
    const department = isUuid(referral.departmentId)
      ? (
          await client.query<{ id: string; name: string; kind: string }>(
            `SELECT id, name, kind::text FROM departments WHERE id = $1 AND kind <> 'CIVIL_AFFAIRS'`,
            [referral.departmentId],
          )
        ).rows[0]
      : undefined;
    const givesEveryNeed = (kind: string) =>
      needs.every(
        (need) => REFERRAL_NEEDS[need].givenBy.length === 0 || REFERRAL_NEEDS[need].givenBy.includes(kind as never),
      );
    if (!department || !givesEveryNeed(department.kind)) {
      throw badUserInputError('DEPARTMENT_CANNOT_HELP', 'refer the household to a department that gives that help', {
        departmentId: referral.departmentId,
      });
    }
    const added = await client.query<{ id: string }>(
      `INSERT INTO case_referrals (case_id, household_id, department_id, needs, reason, referred_by_id)
       SELECT id, household_id, $2, $3::"ReferralNeed"[], $4, $5 FROM discrepancy_cases WHERE id = $1
       ON CONFLICT (case_id, department_id) DO NOTHING RETURNING id`,
      [caseId, department.id, needs, reason, actor.userId],
    );
    const referralId = added.rows[0]?.id;
    if (!referralId) throw conflictError('ALREADY_REFERRED', 'the case was already referred to this department');
    return {
      type: 'REFERRED',
      details: { referralId, departmentId: department.id, departmentName: department.name, needs, reason },
    };
  });
}
