import type { AssistanceStandard, PrismaClient } from '@hub/prisma';
import type { AssistanceStandardTerms } from '@hub/schema/context';
import { findRegionForInput } from '../regions/find-region-for-input.ts';
import { checkAssistanceStandardTerms } from './check-assistance-standard-terms.ts';

// A nullable column may be cleared with null; the others keep their value when a figure is omitted or null.
const kept = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** Creates or replaces a region's standard for one year and area type: the comparisons read it from then on. */
export async function setAssistanceStandard(
  prisma: PrismaClient,
  terms: AssistanceStandardTerms,
): Promise<AssistanceStandard> {
  checkAssistanceStandardTerms(terms);
  await findRegionForInput(prisma, terms.regionCode, 'regionCode');
  const { regionCode, year, areaType } = terms;
  const figures = {
    minimumLivingMonthlyFen: terms.minimumLivingMonthlyFen,
    lowIncomeMultiplier: kept(terms.lowIncomeMultiplier),
    extremePovertyMultiplier: kept(terms.extremePovertyMultiplier),
    emergencyAssistanceMultiplier: kept(terms.emergencyAssistanceMultiplier),
    expenditureAssistanceMultiplier: kept(terms.expenditureAssistanceMultiplier),
    individualAssistanceMultiplier: kept(terms.individualAssistanceMultiplier),
    financialAssetMonths: kept(terms.financialAssetMonths),
    maxHomes: kept(terms.maxHomes),
    exemptVehicleMaxValueFen: terms.exemptVehicleMaxValueFen,
    employmentCostDeductionFen: kept(terms.employmentCostDeductionFen),
    gracePeriodMonths: kept(terms.gracePeriodMonths),
  };
  return prisma.assistanceStandard.upsert({
    where: { regionCode_year_areaType: { regionCode, year, areaType } },
    create: { regionCode, year, areaType, ...figures },
    update: figures,
  });
}
