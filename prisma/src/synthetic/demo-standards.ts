import type { AreaType, LineReading } from '../../generated/enums.ts';
import { COUNTIES } from './demo-region.ts';

// Yinchuan-like monthly 低保 standards: the three city districts a little above the three counties, rural below
// urban, each year a few percent above the last. Everything else stays at the schema's defaults, except the
// vehicle exemption (a car worth at most ¥30,000 is allowed, as some places do). The lines read as the documents
// word them: 低保 below the standard, 低收入 below 1.5 × it.

export interface DemoStandard {
  regionCode: string;
  year: number;
  areaType: AreaType;
  minimumLivingMonthlyFen: number;
  financialAssetMonths: number;
  maxHomes: number;
  exemptVehicleMaxValueFen: number;
  employmentCostDeductionFen: number;
  gracePeriodMonths: number;
  minimumLivingLine: LineReading;
  lowIncomeLine: LineReading;
}

const DISTRICTS = new Set(['640104', '640105', '640106']);

const MONTHLY_YUAN: Record<number, { district: Record<AreaType, number>; county: Record<AreaType, number> }> = {
  2025: { district: { URBAN: 800, RURAL: 620 }, county: { URBAN: 780, RURAL: 610 } },
  2026: { district: { URBAN: 830, RURAL: 650 }, county: { URBAN: 810, RURAL: 640 } },
};

export const STANDARD_YEARS = [2025, 2026] as const;

export const DEMO_STANDARDS: readonly DemoStandard[] = STANDARD_YEARS.flatMap((year) =>
  COUNTIES.flatMap((county) =>
    (['URBAN', 'RURAL'] as const).map((areaType): DemoStandard => {
      const table = MONTHLY_YUAN[year] as (typeof MONTHLY_YUAN)[number];
      const yuan = (DISTRICTS.has(county.code) ? table.district : table.county)[areaType];
      return {
        regionCode: county.code,
        year,
        areaType,
        minimumLivingMonthlyFen: yuan * 100,
        financialAssetMonths: 24,
        maxHomes: 1,
        exemptVehicleMaxValueFen: 3_000_000,
        employmentCostDeductionFen: 0,
        gracePeriodMonths: 18,
        minimumLivingLine: 'BELOW',
        lowIncomeLine: 'BELOW',
      };
    }),
  ),
);

/** The thresholds the generator must respect for one county and area in the as-of year. */
export interface StandardInForce {
  minimumLivingMonthlyFen: number;
  financialAssetMonths: number;
  exemptVehicleMaxValueFen: number | null;
  employmentCostDeductionFen: number;
  gracePeriodMonths: number;
  /** How the generator reads the 低保 line and the low-income line: from the policy data, as the engine does. */
  minimumLivingLine: LineReading;
  lowIncomeLine: LineReading;
  lowIncomeMultiplier: number;
}

export function standardKey(regionCode: string, areaType: AreaType): string {
  return `${regionCode}:${areaType}`;
}
