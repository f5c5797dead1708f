import {
  type DiscrepancyCaseAction,
  type DiscrepancyCaseClosure,
  DiscrepancyCaseEventType,
  DiscrepancyCaseOutcome,
  type DiscrepancyCaseStatus,
  type DiscrepancyDismissalReason,
} from '@hub/prisma';
import { builder } from '../builder.ts';

const values = <Value extends string>(descriptions: Record<Value, string>) =>
  Object.fromEntries(Object.entries(descriptions).map(([value, description]) => [value, { description }])) as Record<
    Value,
    { description: string }
  >;

export const DiscrepancyCaseStatusEnum = builder.enumType('DiscrepancyCaseStatus', {
  description: 'OPEN → IN_PROGRESS → DECIDED (→ APPEALED → DECIDED) → CLOSED.',
  values: values<DiscrepancyCaseStatus>({
    OPEN: 'Opened by a run’s flags; nobody has worked it yet.',
    IN_PROGRESS: 'A home visit, the household’s explanation or a file recorded.',
    DECIDED:
      'Confirmed with an action, or dismissed with a reason; the household may ask for a 复查 within the window.',
    APPEALED: '复查: the household asked for a review with new evidence; another officer decides it.',
    CLOSED: 'Resolved after a decision, or cleared by a later run.',
  }),
});

export const DiscrepancyCaseOutcomeEnum = builder.enumType(DiscrepancyCaseOutcome, {
  name: 'DiscrepancyCaseOutcome',
});

export const DiscrepancyCaseActionEnum = builder.enumType('DiscrepancyCaseAction', {
  description: 'What follows a confirmed finding.',
  values: values<DiscrepancyCaseAction>({
    STOP: 'Benefits stopped (应退尽退).',
    REDUCE: 'Benefits reduced.',
    ADJUST_AMOUNT: 'The monthly amount adjusted to the household’s situation.',
    REFER: 'Referred to another kind of assistance.',
  }),
});

export const DiscrepancyDismissalReasonEnum = builder.enumType('DiscrepancyDismissalReason', {
  description: 'Why a finding was dismissed; OTHER needs a note.',
  values: values<DiscrepancyDismissalReason>({
    RECORD_OUTDATED: 'The department’s record no longer holds.',
    NOT_THE_HOUSEHOLDS: 'The record is another person’s or household’s.',
    INCOME_NOT_COUNTED: 'The income is of a kind the rules do not count.',
    EXPLAINED_WITH_EVIDENCE: 'The household’s evidence answers the finding.',
    OTHER: 'Another reason, given in the note.',
  }),
});

export const DiscrepancyCaseClosureEnum = builder.enumType('DiscrepancyCaseClosure', {
  values: values<DiscrepancyCaseClosure>({
    RESOLVED: 'Closed by an officer after a decision.',
    CLEARED_BY_RUN: 'A later run of the same kind and region assessed the household and flagged nothing.',
  }),
});

export const DiscrepancyCaseEventTypeEnum = builder.enumType(DiscrepancyCaseEventType, {
  name: 'DiscrepancyCaseEventType',
  description: 'A step of a case’s life, as its timeline shows it.',
});
