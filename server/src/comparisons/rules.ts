import type { AssessmentFlagCode, ComparisonKind, Dataset } from '@hub/prisma';

// The small rules that decide what a run of each kind looks at. The household assessment itself is SQL
// (assess-households.ts), where every threshold is read from assistance_standards.

/** The flags each kind of run reports; every kind computes the whole assessment, so classifications agree. */
// Applications and periodic reviews check every rule of the assessment.
const EVERY_FLAG: readonly AssessmentFlagCode[] = [
  'DECEASED_MEMBER',
  'INCOME_ABOVE_STANDARD',
  'FINANCIAL_ASSETS_OVER_LIMIT',
  'NON_EXEMPT_VEHICLE',
  'EXCESS_PROPERTY',
  'BUSINESS_REGISTERED',
  'BUSINESS_WITHOUT_INCOME',
  'GRACE_PERIOD_ENDING',
  'EXTREME_POVERTY_CONDITIONS_NOT_MET',
  'UNFILED_STAFF_RELATIVE',
  'DATA_MISSING',
];

/**
 * The flags each kind of run reports; every kind computes the whole assessment, so classifications agree, except the
 * staff-relatives rule, which decides no classification and which only a run reporting UNFILED_STAFF_RELATIVE applies.
 */
export const FLAGS_CHECKED_BY: Record<ComparisonKind, readonly AssessmentFlagCode[]> = {
  APPLICATION: EVERY_FLAG,
  PERIODIC_REVIEW: EVERY_FLAG,
  // Deaths show up as cremation records (civil affairs) and hukou cancellations (police).
  DEATH_CHECK: ['DECEASED_MEMBER', 'DATA_MISSING'],
  // Staff and their close relatives who receive 低保 must be filed (近亲属备案).
  STAFF_RELATIVES: ['UNFILED_STAFF_RELATIVE', 'DATA_MISSING'],
  // 低收入人口动态监测: who should be helped and is not (应保尽保), who is near the line, and who has died.
  POPULATION_MONITORING: ['NEWLY_ELIGIBLE', 'AT_RISK', 'DECEASED_MEMBER', 'DATA_MISSING'],
};

const ALL_DATASETS: readonly Dataset[] = [
  'HUKOU',
  'CREMATION',
  'VEHICLE',
  'REAL_ESTATE',
  'EMPLOYMENT',
  'PENSION',
  'UNEMPLOYMENT_BENEFIT',
  'HOUSING_FUND',
  'BANK_DEPOSIT',
  'WEALTH_PRODUCT',
  'BUSINESS_REGISTRATION',
  'MARRIAGE',
  'STAFF_ROSTER',
  'STAFF_RELATIVE_FILING',
];

/** The datasets whose absence (no CURRENT snapshot) makes a run's results DATA_MISSING. */
export const DATASETS_READ_BY: Record<ComparisonKind, readonly Dataset[]> = {
  APPLICATION: ALL_DATASETS,
  PERIODIC_REVIEW: ALL_DATASETS,
  DEATH_CHECK: ['HUKOU', 'CREMATION'],
  STAFF_RELATIVES: ['HUKOU', 'MARRIAGE', 'STAFF_ROSTER', 'STAFF_RELATIVE_FILING'],
  POPULATION_MONITORING: ALL_DATASETS,
};

/** Kinds whose cohort is households of a region; an APPLICATION run names its households. */
export function isRegionalKind(kind: ComparisonKind): boolean {
  return kind !== 'APPLICATION';
}

/**
 * Regional kinds whose cohort is every household of the region, enrolled or not: the low-income population
 * monitoring (完善主动发现机制, yinchuan-2021 二(五)) and the death check, which keeps the whole register current. The
 * other regional kinds compare the enrolled households only.
 */
export function comparesWholePopulation(kind: ComparisonKind): boolean {
  return kind === 'POPULATION_MONITORING' || kind === 'DEATH_CHECK';
}

/**
 * Kinds that read only what an authorisation covers: the whole-population kinds, whose households not enrolled have
 * mostly signed nothing, so for their members the records of a consent-bound data item are read only under a consent
 * for the run's purpose (assess-households.ts, `countedFor`). A DEATH_CHECK needs no such record for its flag, but
 * computes the whole assessment: without this it would store the wages and deposits of people who never consented.
 */
export function readsOnlyAuthorisedRecords(kind: ComparisonKind): boolean {
  return comparesWholePopulation(kind);
}

/**
 * In force on the as-of date: a 低保, low-income or extreme-poverty case, active or in its grace period
 * (在保对象每年至少比对2次). `alias` names assistance_cases, `asOf` the date parameter.
 */
export function enrolledCaseSql(alias: string, asOf: string): string {
  return `${alias}.kind IN ('MINIMUM_LIVING_GUARANTEE', 'LOW_INCOME', 'EXTREME_POVERTY')
    AND ${alias}.status IN ('ACTIVE', 'GRACE_PERIOD')
    AND ${alias}.started_on <= ${asOf} AND (${alias}.ended_on IS NULL OR ${alias}.ended_on >= ${asOf})`;
}

export const DEFAULT_CHUNK_SIZE = 5_000;

/** 在保对象每年至少比对2次: every enrolled household is compared again at least twice a year. */
export function isOftenEnoughForPeriodicReview(months: readonly number[]): boolean {
  return new Set(months).size >= 2;
}
