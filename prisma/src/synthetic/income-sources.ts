import type { PensionType } from '../../generated/enums.ts';
import { addMonths, firstOfNextMonth } from './calendar.ts';
import type { GenerationContext, Household, Member } from './generation-context.ts';
import { nextSerial } from './generation-context.ts';
import type { Employer } from './organisations.ts';

// Income records (人社 and 公积金) and the household's running monthly income. Every source that counts is in force
// for the whole year before the as-of date, so a comparison that averages a window of months gets the same
// figure as one that reads the as-of month alone.

/** Ningxia's unemployment benefit: 90 % of the first-tier minimum wage (¥2,050). */
export const UNEMPLOYMENT_BENEFIT_FEN = 184_500;

export function isInForce(startedOn: number, endedOn: number | null, onDay: number): boolean {
  return startedOn <= onDay && (endedOn === null || endedOn >= onDay);
}

/** A start date at least 13 months before the as-of date and after the person turned 18. */
export function longStandingStart(context: GenerationContext, member: Member): number {
  const latest = addMonths(context.asOfDay, -13);
  const earliest = Math.max(member.birthDay + 18 * 366, context.asOfDay - 15 * 365);
  return context.random.day(Math.min(earliest, latest), latest);
}

export interface WageOptions {
  employer?: Employer;
  startedOn?: number;
  endedOn?: number | null;
  /** Each side's housing-fund rate in thousandths; the account's contribution then reveals this wage. */
  housingFundRatePermille?: number;
}

export function recordWage(
  context: GenerationContext,
  household: Household,
  member: Member,
  wageFen: number,
  options: WageOptions = {},
): void {
  const employer = options.employer ?? context.random.pick(context.employers);
  const startedOn = options.startedOn ?? longStandingStart(context, member);
  const endedOn = options.endedOn ?? null;
  context.records.employment(
    context.sources.employment,
    member.id,
    employer.name,
    employer.code,
    startedOn,
    endedOn,
    wageFen,
  );
  if (isInForce(startedOn, endedOn, context.asOfDay)) household.incomeFen += wageFen;
  if (options.housingFundRatePermille !== undefined) {
    recordHousingFund(context, member, employer, wageFen, options.housingFundRatePermille);
  }
}

/** A paying account: employee and employer each pay `rate` of the wage, so contribution = 2 × rate × wage. */
export function recordHousingFund(
  context: GenerationContext,
  member: Member,
  employer: Employer,
  wageFen: number,
  ratePermille: number,
): number {
  const contributionFen = (2 * ratePermille * wageFen) / 1000;
  if (!Number.isInteger(contributionFen)) throw new Error(`wage ${wageFen} fen gives a fractional contribution`);
  const balanceFen = contributionFen * context.random.int(6, 96);
  context.records.housingFund(
    context.sources.housingFund,
    member.id,
    `6401${String(nextSerial(context)).padStart(10, '0')}`,
    'PAYING',
    employer.name,
    contributionFen,
    ratePermille,
    balanceFen,
  );
  return contributionFen;
}

/** A pension from retirement age on; stopped the month after death where the member died. */
export function recordPension(
  context: GenerationContext,
  household: Household,
  member: Member,
  type: PensionType,
  amountFen: number,
): void {
  const retirementAge = type === 'URBAN_RURAL_RESIDENT' || member.sex === 'MALE' ? 60 : 55;
  const startedOn = Math.min(member.birthDay + Math.ceil(retirementAge * 365.25), addMonths(context.asOfDay, -13));
  const stoppedOn = member.diedOn === null ? null : firstOfNextMonth(member.diedOn);
  context.records.pension(context.sources.pension, member.id, type, amountFen, startedOn, stoppedOn);
  if (isInForce(startedOn, stoppedOn === null ? null : stoppedOn - 1, context.asOfDay))
    household.incomeFen += amountFen;
}

/** Unemployment benefit for up to 24 months, covering the year before the as-of date. */
export function recordUnemploymentBenefit(context: GenerationContext, household: Household, member: Member): void {
  const startedOn = addMonths(context.asOfDay, -context.random.int(13, 16));
  const endsOn = addMonths(startedOn, 24) - 1;
  context.records.unemploymentBenefit(
    context.sources.unemploymentBenefit,
    member.id,
    UNEMPLOYMENT_BENEFIT_FEN,
    startedOn,
    endsOn,
  );
  household.incomeFen += UNEMPLOYMENT_BENEFIT_FEN;
}

/** A job that ended more than a year before the as-of date: history that must not count as income now. */
export function recordFormerJob(
  context: GenerationContext,
  household: Household,
  member: Member,
  wageFen: number,
): void {
  const endedOn = addMonths(context.asOfDay, -context.random.int(14, 60));
  const startedOn = Math.max(member.birthDay + 18 * 366, endedOn - context.random.int(180, 3000));
  if (startedOn >= endedOn) return;
  recordWage(context, household, member, wageFen, { startedOn, endedOn });
}

export function isPensionAge(member: Member): boolean {
  return member.age >= 60 || (member.sex === 'FEMALE' && member.age >= 55);
}
