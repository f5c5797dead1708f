import { recordDeposit, recordProperty, recordVehicle, yuan } from './asset-records.ts';
import type { GenerationContext, Household } from './generation-context.ts';
import { isWorkingAge, livingMembers } from './generation-context.ts';
import {
  recordFormerJob,
  recordPension,
  recordUnemploymentBenefit,
  recordWage,
  UNEMPLOYMENT_BENEFIT_FEN,
} from './income-sources.ts';

// Households that qualify: income held under a budget below the standard, assets well inside the asset rules,
// only exempt vehicles, at most one home, no business. Planted cases start from such a household and break one rule.

/** Financial assets per living member may reach this share of the limit in a clean household. */
const CLEAN_ASSET_SHARE = 0.3;

/** The most a household's financial assets may be under its standard: members × months × 低保 standard. */
export function financialAssetLimitFen(context: GenerationContext, household: Household): number {
  const members = livingMembers(household, context.asOfDay).length;
  return members * household.standard.financialAssetMonths * household.standard.minimumLivingMonthlyFen;
}

/** Income records whose monthly total stays at or under `budgetFen`. */
export function modestIncome(context: GenerationContext, household: Household, budgetFen: number): void {
  const { random } = context;
  const remaining = () => budgetFen - household.incomeFen;
  for (const member of household.members) {
    if (member.diedOn !== null && member.diedOn <= context.asOfDay) {
      // The deceased had a pension, which stops the month after death: the trace 人社 leaves of a death.
      if (member.age >= 55)
        recordPension(context, household, member, 'URBAN_RURAL_RESIDENT', yuan(random.int(150, 300)));
      continue;
    }
    if (member === household.earner) continue;
    if (member.age >= 60) {
      const pensionFen = yuan(random.int(150, 300));
      if (random.chance(0.7) && pensionFen <= remaining()) {
        recordPension(context, household, member, 'URBAN_RURAL_RESIDENT', pensionFen);
      }
    } else if (isWorkingAge(member) && (member.disabilityGrade ?? 9) > 2) {
      if (random.chance(0.1)) recordFormerJob(context, household, member, yuan(random.logNormal(3_000, 0.2)));
      if (remaining() >= UNEMPLOYMENT_BENEFIT_FEN && random.chance(0.12)) {
        recordUnemploymentBenefit(context, household, member);
      } else if (random.chance(0.45)) {
        const wageFen = Math.floor(Math.min(remaining(), yuan(random.logNormal(1_500, 0.3))) / 100) * 100;
        if (wageFen >= 50_000) recordWage(context, household, member, wageFen);
      }
    }
  }
}

export type HomeOwnership = 'random' | 'owned' | 'none';

export function cleanAssets(context: GenerationContext, household: Household, home: HomeOwnership = 'random'): void {
  const { random } = context;
  const living = livingMembers(household, context.asOfDay);
  const adults = living.filter((member) => member.age >= 16);
  const head = adults.find((member) => member.relation === 'HEAD') ?? adults[0] ?? living[0];
  if (!head) return;
  const perAdultCap = Math.floor(
    (financialAssetLimitFen(context, household) * CLEAN_ASSET_SHARE) / Math.max(1, adults.length),
  );
  for (const adult of adults) {
    if (!random.chance(0.55)) continue;
    const bankIndex = household.areaType === 'RURAL' ? 2 : random.int(0, 2);
    recordDeposit(context, household, adult, bankIndex, 'DEMAND', Math.floor(random.int(10, perAdultCap) / 100) * 100);
  }
  // Only exempt vehicles: motorcycles and e-bikes, and disability vehicles for members with a certificate.
  if (random.chance(household.areaType === 'RURAL' ? 0.3 : 0.12)) {
    recordVehicle(context, head, 'MOTORCYCLE', yuan(random.int(2_000, 6_000)));
  }
  const disabled = living.find((member) => member.disabilityGrade !== null && member.age >= 16);
  if (disabled && random.chance(0.15))
    recordVehicle(context, disabled, 'DISABILITY_VEHICLE', yuan(random.int(5_000, 15_000)));

  const draw = random.float();
  const urban = household.areaType === 'URBAN';
  const owns = home === 'owned' || (home === 'random' && draw < (urban ? 0.3 : 0.65));
  if (owns) {
    const area = urban ? random.logNormal(55, 0.2) : random.logNormal(90, 0.25);
    recordProperty(context, household, head, 'RESIDENTIAL', household.address, { areaCentiM2: Math.round(area * 100) });
  } else if (home === 'random' && urban && draw < 0.5) {
    // 公租房: a public rental flat is housing the household rents, not one it owns.
    recordProperty(context, household, head, 'RESIDENTIAL', household.address, {
      areaCentiM2: Math.round(random.logNormal(45, 0.15) * 100),
      publicRental: true,
    });
  }
}
