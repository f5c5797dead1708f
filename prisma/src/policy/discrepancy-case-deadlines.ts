import type { ComparisonKind } from '../../generated/enums.ts';
import type { Citation } from './policy-rules.ts';

// How long an office has to settle a discrepancy case (疑点核查), in official working days, by the kind of run that
// raised it; the defaults an installation may override (HUB_CASE_DEADLINES, docs/discrepancy-cases.md).

export interface DiscrepancyCaseDeadline {
  /** Working days after the day the case opens (or is appealed) to decide it by. */
  workingDays: number;
  /** The longest the deadline may be extended to, where the basis allows an extension. */
  maxWorkingDays: number | null;
  basis: Citation;
}

const APPROVAL: Citation = {
  document: 'domain.md',
  paragraph: 'How a check flows (MZ/T 072-2024): approval within 25 working days (at most 40)',
};
// No text in policy-texts sets a time for settling a review's finding: the hub's default, which a region may change.
const REVIEW_FINDING: Citation = {
  document: 'domain.md',
  paragraph:
    'Verification as the documents require it: 在保对象每年至少比对2次 (a finding settled before the next review)',
};

// 低收入人口动态监测: the whole-population comparison that finds households to help (POPULATION_MONITORING).
const MONITORING_FINDING: Citation = {
  document: 'yinchuan-2021-assistance-and-rural-revitalisation.txt',
  paragraph: '二(五) 健全农村低收入人口监测预警机制: 完善主动发现机制……做到早发现、早干预、早救助',
};

export const DISCREPANCY_CASE_DEADLINES: Record<ComparisonKind, DiscrepancyCaseDeadline> = {
  // An applicant's flag counts against the approval itself.
  APPLICATION: { workingDays: 25, maxWorkingDays: 40, basis: APPROVAL },
  PERIODIC_REVIEW: { workingDays: 15, maxWorkingDays: null, basis: REVIEW_FINDING },
  DEATH_CHECK: { workingDays: 15, maxWorkingDays: null, basis: REVIEW_FINDING },
  STAFF_RELATIVES: { workingDays: 15, maxWorkingDays: null, basis: REVIEW_FINDING },
  // The monitoring text asks for early action but sets no time: a monitoring finding gets a review finding's days.
  POPULATION_MONITORING: { workingDays: 15, maxWorkingDays: null, basis: MONITORING_FINDING },
};

/** 复查: working days after a decision within which the household may ask for a review (HUB_CASE_APPEAL_WORKING_DAYS). */
export const APPEAL_WINDOW_WORKING_DAYS = 15;

/** Working days before the due date at which the office is reminded (HUB_CASE_REMINDER_WORKING_DAYS). */
export const REMINDER_LEAD_WORKING_DAYS = 3;
