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
  // 特困: minors covered to 18 (yinchuan-2021, 二(六)); the elderly from 60 in national practice.
  extremePovertyMinorUntilAge: { min: 14, max: 25 },
  extremePovertyElderlyFromAge: { min: 50, max: 80 },
  oldAgeExtraFromAge: { min: 50, max: 120 },
  minimumBenefitFen: { min: 0, max: 5_000_000 },
  severeDisabilityExtraFen: { min: 0, max: 5_000_000 },
  oldAgeExtraFen: { min: 0, max: 5_000_000 },
} as const;
const AREA_CAP_M2 = { min: '1', max: '1000' };
const CITATION_LENGTH = 200;
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
  checkEffectiveFrom(terms);
  checkAreaCap(terms.residentialAreaPerPersonCapM2);
  checkBenefitTiers(terms.benefitTiers);
  checkCitations(terms.citations);
}

function checkEffectiveFrom(terms: AssistanceStandardTerms) {
  if (terms.effectiveFrom && terms.effectiveFrom.getUTCFullYear() !== terms.year) {
    throw badUserInputError(
      'OUT_OF_RANGE',
      `effectiveFrom: ${terms.effectiveFrom.toISOString().slice(0, 10)} is not in ${terms.year}; a version is in force within its year`,
      { field: 'effectiveFrom' },
    );
  }
}

function checkAreaCap(value: string | null | undefined) {
  if (value == null) return;
  const cap = new Prisma.Decimal(value);
  if (cap.decimalPlaces() > 2 || cap.lt(AREA_CAP_M2.min) || cap.gt(AREA_CAP_M2.max)) {
    throw outOfRange('residentialAreaPerPersonCapM2', value, AREA_CAP_M2, ' m²');
  }
}

// 分档: tiers by ascending per-capita income, each paying a positive amount per member.
function checkBenefitTiers(tiers: AssistanceStandardTerms['benefitTiers']) {
  let previous = 0;
  for (const tier of tiers ?? []) {
    if (
      tier.perCapitaIncomeBelowFen <= previous ||
      tier.monthlyPerMemberFen < 1 ||
      tier.monthlyPerMemberFen > MONTHLY_FEN.max
    ) {
      throw badUserInputError(
        'OUT_OF_RANGE',
        'benefitTiers: each tier needs a per-capita income bound above the previous one and a positive amount per member',
        { field: 'benefitTiers' },
      );
    }
    previous = tier.perCapitaIncomeBelowFen;
  }
}

function checkCitations(citations: AssistanceStandardTerms['citations']) {
  for (const citation of citations ?? []) {
    for (const part of ['document', 'paragraph'] as const) {
      const text = citation[part].trim();
      if (!text || text.length > CITATION_LENGTH) {
        throw badUserInputError(
          'OUT_OF_RANGE',
          `citations: the ${part} of ${citation.rule}'s citation must be 1–${CITATION_LENGTH} characters`,
          { field: 'citations' },
        );
      }
    }
  }
}
