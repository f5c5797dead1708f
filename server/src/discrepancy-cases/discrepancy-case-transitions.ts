import type { DiscrepancyCaseStatus } from '@hub/prisma';
import { conflictError } from '@hub/schema/errors';

/** A step an officer takes on a case. */
export type DiscrepancyCaseStep =
  | 'ASSIGN'
  | 'RECORD_VISIT'
  | 'RECORD_EXPLANATION'
  | 'ATTACH'
  | 'DECIDE'
  | 'APPEAL'
  | 'DECIDE_APPEAL'
  | 'CLOSE'
  | 'REFER';

// From each status a step may be taken in, the status it leads to. Work on the evidence (a visit, the household's
// explanation, a file) starts an open case and adds to one in progress or under appeal (复查 brings new evidence).
const TRANSITIONS: Record<DiscrepancyCaseStep, Partial<Record<DiscrepancyCaseStatus, DiscrepancyCaseStatus>>> = {
  ASSIGN: { OPEN: 'OPEN', IN_PROGRESS: 'IN_PROGRESS', DECIDED: 'DECIDED', APPEALED: 'APPEALED' },
  RECORD_VISIT: { OPEN: 'IN_PROGRESS', IN_PROGRESS: 'IN_PROGRESS', APPEALED: 'APPEALED' },
  RECORD_EXPLANATION: { OPEN: 'IN_PROGRESS', IN_PROGRESS: 'IN_PROGRESS', APPEALED: 'APPEALED' },
  ATTACH: { OPEN: 'IN_PROGRESS', IN_PROGRESS: 'IN_PROGRESS', APPEALED: 'APPEALED' },
  DECIDE: { IN_PROGRESS: 'DECIDED' },
  APPEAL: { DECIDED: 'APPEALED' },
  DECIDE_APPEAL: { APPEALED: 'DECIDED' },
  CLOSE: { DECIDED: 'CLOSED' },
  // 转介 runs beside the finding: a household may need another department's help whatever the decision, so any case
  // not closed may be referred, and its status stays as it is.
  REFER: { OPEN: 'OPEN', IN_PROGRESS: 'IN_PROGRESS', DECIDED: 'DECIDED', APPEALED: 'APPEALED' },
};

/** The status the step leads to; CONFLICT (INVALID_TRANSITION) naming the status and step when it may not be taken. */
export function nextCaseStatus(step: DiscrepancyCaseStep, status: DiscrepancyCaseStatus): DiscrepancyCaseStatus {
  const next = TRANSITIONS[step][status];
  if (!next) {
    const allowed = Object.keys(TRANSITIONS[step]).join(', ');
    throw conflictError(
      'INVALID_TRANSITION',
      `a case that is ${status} cannot take the step ${step} (only ${allowed})`,
      {
        status,
        step,
      },
    );
  }
  return next;
}
