import { Prisma } from '@hub/prisma';
import type { AssistanceStandardTerms } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';

// The ranges a standard's figures may take: wide enough for every region's policy, narrow enough to catch a slip
// (yuan typed for fen, a multiplier typed as a percentage). Money is integer fen.
const YEARS = { min: 2000, max: 2100 };
const MONTHLY_FEN = { min: 1, max: 5_000_000 };
const DEDUCTION_FEN = { min: 0, max: 5_000_000 };
const VEHICLE_FEN = { min: 1n, max: 100_000_000_00n };
const INTEGERS = {
  financialAssetMonths: { min: 1, max: 120 },
  maxHomes: { min: 0, max: 10 },
  // 渐退期: benefits continue for up to 18 months after a recipient finds work.
  gracePeriodMonths: { min: 0, max: 18 },
} as const;
// Each multiple of the 低保 standard: low income lies above the standard, the other kinds of help at least at it.
const MULTIPLIERS = {
  lowIncomeMultiplier: { min: '1.01', max: '3' },
  extremePovertyMultiplier: { min: '1', max: '3' },
  emergencyAssistanceMultiplier: { min: '1', max: '10' },
  expenditureAssistanceMultiplier: { min: '1', max: '10' },
  individualAssistanceMultiplier: { min: '1', max: '10' },
} as const;

function outOfRange(field: string, value: unknown, range: { min: unknown; max: unknown }, unit = '') {
  return badUserInputError(
    'OUT_OF_RANGE',
    `${field}: ${String(value)}${unit} is outside ${String(range.min)}–${String(range.max)}${unit}`,
    { field, min: String(range.min), max: String(range.max) },
  );
}

function checkInteger(field: string, value: number | null | undefined, range: { min: number; max: number }) {
  if (value != null && (value < range.min || value > range.max)) throw outOfRange(field, value, range);
}

function checkMultiplier(field: keyof typeof MULTIPLIERS, value: string | null | undefined) {
  if (value == null) return;
  const range = MULTIPLIERS[field];
  const multiplier = new Prisma.Decimal(value);
  // The column keeps two decimal places: more would be rounded away silently.
  if (multiplier.decimalPlaces() > 2 || multiplier.lt(range.min) || multiplier.gt(range.max)) {
    throw badUserInputError(
      'OUT_OF_RANGE',
      `${field}: ${value} must be between ${range.min} and ${range.max} with at most two decimal places`,
      { field, min: range.min, max: range.max },
    );
  }
}

/** Every figure of a standard within its range, or BAD_USER_INPUT `OUT_OF_RANGE` naming the first that is not. */
export function checkAssistanceStandardTerms(terms: AssistanceStandardTerms): void {
  checkInteger('year', terms.year, YEARS);
  checkInteger('minimumLivingMonthlyFen', terms.minimumLivingMonthlyFen, MONTHLY_FEN);
  for (const field of Object.keys(MULTIPLIERS) as (keyof typeof MULTIPLIERS)[]) checkMultiplier(field, terms[field]);
  for (const field of Object.keys(INTEGERS) as (keyof typeof INTEGERS)[]) {
    checkInteger(field, terms[field], INTEGERS[field]);
  }
  const vehicle = terms.exemptVehicleMaxValueFen;
  if (vehicle != null && (vehicle < VEHICLE_FEN.min || vehicle > VEHICLE_FEN.max)) {
    throw outOfRange('exemptVehicleMaxValueFen', vehicle, VEHICLE_FEN);
  }
  checkInteger('employmentCostDeductionFen', terms.employmentCostDeductionFen, DEDUCTION_FEN);
}
