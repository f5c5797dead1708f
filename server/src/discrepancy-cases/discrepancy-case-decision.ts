import type { DiscrepancyCaseAction, DiscrepancyCaseOutcome, DiscrepancyDismissalReason } from '@hub/prisma';
import type { DiscrepancyCaseDecision } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';

/** A decision as the case's columns and its event keep it. */
export interface DecisionColumns {
  outcome: DiscrepancyCaseOutcome;
  action: DiscrepancyCaseAction | null;
  dismissalReason: DiscrepancyDismissalReason | null;
  note: string | null;
}

/** A dismissal for OTHER reasons must say which in its note. */
export function decisionColumns(decision: DiscrepancyCaseDecision): DecisionColumns {
  const note = decision.note?.trim() || null;
  if (decision.outcome === 'CONFIRMED') {
    return { outcome: 'CONFIRMED', action: decision.action, dismissalReason: null, note };
  }
  if (decision.dismissalReason === 'OTHER' && !note) {
    throw badUserInputError('BLANK_VALUE', 'note: a dismissal for OTHER reasons says which', { field: 'note' });
  }
  return { outcome: 'DISMISSED', action: null, dismissalReason: decision.dismissalReason, note };
}

export const SET_DECISION = `outcome = $2::"DiscrepancyCaseOutcome", action = $3::"DiscrepancyCaseAction",
  dismissal_reason = $4::"DiscrepancyDismissalReason", decision_note = $5`;

export const decisionParameters = (columns: DecisionColumns) => [
  columns.outcome,
  columns.action,
  columns.dismissalReason,
  columns.note,
];
