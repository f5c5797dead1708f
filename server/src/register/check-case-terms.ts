import type { CaseStatus } from '@hub/prisma';
import type { InputProblems } from '@hub/schema/input-problems';

/** The figures of a case that can be judged without the database: amount, dates, and the grace period's start. */
export function checkCaseTerms(
  terms: {
    status?: CaseStatus | null;
    startedOn: Date;
    endedOn?: Date | null;
    monthlyAmountFen?: number | null;
    gracePeriodStartedOn?: Date | null;
  },
  problems: InputProblems,
): void {
  if (terms.monthlyAmountFen != null && (!Number.isInteger(terms.monthlyAmountFen) || terms.monthlyAmountFen < 0)) {
    problems.add('monthlyAmountFen', 'NEGATIVE_AMOUNT', 'a monthly amount in whole fen, not negative');
  }
  if (terms.endedOn && terms.endedOn < terms.startedOn) {
    problems.add('endedOn', 'BEFORE_START', 'a case ends on or after the day it started');
  }
  if (terms.status === 'GRACE_PERIOD' && !terms.gracePeriodStartedOn) {
    problems.add('gracePeriodStartedOn', 'MISSING_VALUE', 'a case in its grace period (渐退期) says when it began');
  }
  if (terms.gracePeriodStartedOn && terms.gracePeriodStartedOn < terms.startedOn) {
    problems.add('gracePeriodStartedOn', 'BEFORE_START', 'the grace period begins after the case started');
  }
}
