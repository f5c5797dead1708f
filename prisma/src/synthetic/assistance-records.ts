import type { ApplicationStatus, AssistanceKind, CaseStatus } from '../../generated/enums.ts';
import { addMonths, isoDate } from './calendar.ts';
import type { ChunkRows } from './chunk-rows.ts';
import type { GenerationContext, Household } from './generation-context.ts';
import { livingMembers } from './generation-context.ts';
import { NULL } from './table-columns.ts';

// The civil-affairs side of a household: its assistance cases and the applications that led to them.

export interface CaseOptions {
  kind: AssistanceKind;
  status: CaseStatus;
  monthlyAmountFen: number;
  startedOn?: number;
  endedOn?: number;
  gracePeriodEndsOn?: number;
  singlePersonId?: string;
}

/** Returns the day the case started. */
export function recordCase(
  context: GenerationContext,
  rows: ChunkRows,
  household: Household,
  options: CaseOptions,
): number {
  const startedOn =
    options.startedOn ?? context.random.day(addMonths(context.asOfDay, -96), addMonths(context.asOfDay, -3));
  rows.add(
    'assistance_cases',
    `${context.random.uuid()}\t${household.id}\t${options.kind}\t${options.status}\t${isoDate(startedOn)}\t${
      options.endedOn === undefined ? NULL : isoDate(options.endedOn)
    }\t${options.monthlyAmountFen}\t${options.gracePeriodEndsOn === undefined ? NULL : isoDate(options.gracePeriodEndsOn)}\t${
      options.singlePersonId ?? NULL
    }\t${context.createdAtText}\n`,
  );
  return startedOn;
}

export interface ApplicationOptions {
  kind: AssistanceKind;
  status: ApplicationStatus;
  submittedOn: number;
  medicalExpenseMonthlyFen?: number;
  educationExpenseMonthlyFen?: number;
}

export function recordApplication(
  context: GenerationContext,
  rows: ChunkRows,
  household: Household,
  options: ApplicationOptions,
): void {
  rows.add(
    'applications',
    `${context.random.uuid()}\t${household.id}\t${options.kind}\t${options.status}\t${isoDate(options.submittedOn)}\t${
      options.medicalExpenseMonthlyFen ?? 0
    }\t${options.educationExpenseMonthlyFen ?? 0}\t${context.createdAtText}\n`,
  );
}

/** The 低保 benefit: the gap between the household's income and the standard for each living member, in whole yuan. */
export function guaranteeGapFen(context: GenerationContext, household: Household): number {
  const members = livingMembers(household, context.asOfDay).length;
  const gap = members * household.standard.minimumLivingMonthlyFen - household.incomeFen;
  return Math.max(100, Math.floor(gap / 100) * 100);
}

/** An approved 低保 case with the application it came from, a month before it started. */
export function enrolGuarantee(
  context: GenerationContext,
  rows: ChunkRows,
  household: Household,
  monthlyAmountFen = guaranteeGapFen(context, household),
): number {
  const startedOn = recordCase(context, rows, household, {
    kind: 'MINIMUM_LIVING_GUARANTEE',
    status: 'ACTIVE',
    monthlyAmountFen,
  });
  recordApplication(context, rows, household, {
    kind: 'MINIMUM_LIVING_GUARANTEE',
    status: 'APPROVED',
    submittedOn: startedOn - context.random.int(25, 40),
  });
  return startedOn;
}
