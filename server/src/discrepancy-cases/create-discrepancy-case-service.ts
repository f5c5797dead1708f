import type { DiscrepancyCaseService } from '@hub/schema/context';
import type pg from 'pg';
import { answerCaseReferral } from './answer-case-referral.ts';
import { appealDiscrepancyCase } from './appeal-discrepancy-case.ts';
import { assignDiscrepancyCase } from './assign-discrepancy-case.ts';
import { attachCaseFile } from './attach-case-file.ts';
import { closeDiscrepancyCase } from './close-discrepancy-case.ts';
import { countDiscrepancyCases } from './count-discrepancy-cases.ts';
import { decideDiscrepancyAppeal } from './decide-discrepancy-appeal.ts';
import { decideDiscrepancyCase } from './decide-discrepancy-case.ts';
import type { DiscrepancyCasePolicy } from './discrepancy-case-policy.ts';
import { chinaDay } from './official-working-days.ts';
import { readCaseReferrals } from './read-case-referrals.ts';
import { recordHomeVisit } from './record-home-visit.ts';
import { recordHouseholdExplanation } from './record-household-explanation.ts';
import { referDiscrepancyCase } from './refer-discrepancy-case.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The discrepancy cases' steps, by the clock given (tests inject one) and the installation's deadlines. */
export function createDiscrepancyCaseService(
  pool: pg.Pool,
  options: { policy: DiscrepancyCasePolicy; maxAttachmentBytes: number; now?: () => Date },
): DiscrepancyCaseService {
  const { policy } = options;
  const now = options.now ?? (() => new Date());
  const today = () => chinaDay(now());
  return {
    assign: (caseId, assigneeId, actor) => assignDiscrepancyCase(pool, caseId, assigneeId, actor),
    recordVisit: (caseId, visit, actor) => recordHomeVisit(pool, caseId, visit, actor),
    recordExplanation: (caseId, text, actor) => recordHouseholdExplanation(pool, caseId, text, actor),
    attach: (caseId, file, actor) => attachCaseFile(pool, caseId, file, actor, options.maxAttachmentBytes),
    decide: (caseId, decision, actor) =>
      decideDiscrepancyCase(pool, caseId, decision, actor, {
        today: today(),
        appealWorkingDays: policy.appealWorkingDays,
      }),
    appeal: (caseId, evidence, actor) =>
      appealDiscrepancyCase(pool, caseId, evidence, actor, {
        today: today(),
        deadlineWorkingDays: (kind) => policy.deadlineWorkingDays[kind as keyof typeof policy.deadlineWorkingDays],
      }),
    decideAppeal: (caseId, decision, actor) => decideDiscrepancyAppeal(pool, caseId, decision, actor),
    close: (caseId, actor) => closeDiscrepancyCase(pool, caseId, actor, { today: today() }),
    refer: (caseId, referral, actor) => referDiscrepancyCase(pool, caseId, referral, actor),
    referralsTo: (departmentId, status) => readCaseReferrals(pool, departmentId, { status }),
    answerReferral: (referralId, answer, recipient) => answerCaseReferral(pool, referralId, answer, recipient),
    today,
    dueWithin: (days) => chinaDay(new Date(now().getTime() + days * DAY_MS)),
    figures: (offices, by) => countDiscrepancyCases(pool, offices, by, today()),
  };
}
