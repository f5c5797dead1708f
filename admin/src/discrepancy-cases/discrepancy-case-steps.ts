/**
 * A step an officer may take on a case, as the hub's mutations name them (docs/discrepancy-cases.md): each has its
 * mutation in discrepancy-case-mutations.ts and its form in CaseStepDialog.tsx. REFER (转介) hands the household to
 * another department for help, on any case not closed, without changing its status.
 */
export type DiscrepancyCaseStep =
  | 'ASSIGN'
  | 'RECORD_VISIT'
  | 'RECORD_EXPLANATION'
  | 'ATTACH'
  | 'DECIDE'
  | 'APPEAL'
  | 'DECIDE_APPEAL'
  | 'REFER'
  | 'CLOSE';

export interface CaseForSteps {
  status: string;
  appealableUntil?: string | null;
  appealedAt?: string | null;
  appealDecidedAt?: string | null;
}

const EVIDENCE: DiscrepancyCaseStep[] = ['RECORD_VISIT', 'RECORD_EXPLANATION', 'ATTACH'];

// The hub's transitions, mirrored only to hide buttons that would be refused: the hub decides every step itself.
const BY_STATUS: Record<string, DiscrepancyCaseStep[]> = {
  OPEN: ['ASSIGN', ...EVIDENCE, 'REFER'],
  IN_PROGRESS: ['ASSIGN', ...EVIDENCE, 'DECIDE', 'REFER'],
  DECIDED: ['ASSIGN', 'APPEAL', 'REFER', 'CLOSE'],
  APPEALED: ['ASSIGN', ...EVIDENCE, 'DECIDE_APPEAL', 'REFER'],
  CLOSED: [],
};

/**
 * The steps a case offers in its status: a 复查 only within its window and once, closing only once the review is
 * decided or the window has passed. Deciding a review is offered to every officer; the hub refuses the first
 * decision's own (SAME_OFFICER_APPEAL) and the portal shows why.
 */
export function discrepancyCaseSteps(found: CaseForSteps, today: string): DiscrepancyCaseStep[] {
  const reviewed = Boolean(found.appealedAt || found.appealDecidedAt);
  const windowOpen = Boolean(found.appealableUntil && today <= found.appealableUntil);
  return (BY_STATUS[found.status] ?? []).filter((step) => {
    if (step === 'APPEAL') return windowOpen && !reviewed;
    if (step === 'CLOSE') return Boolean(found.appealDecidedAt) || !windowOpen;
    return true;
  });
}
