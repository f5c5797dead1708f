import type { AssistanceStandard, Prisma, PrismaClient } from '@hub/prisma';
import type { AssistanceStandardTerms, ChangeActor } from '@hub/schema/context';
import { findRegionForInput } from '../regions/find-region-for-input.ts';
import { checkAssistanceStandardTerms } from './check-assistance-standard-terms.ts';
import { recordStandardChange } from './record-standard-change.ts';

// A nullable column may be cleared with null; the others keep their value when a figure is omitted or null.
const kept = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

function figuresOf(terms: AssistanceStandardTerms) {
  return {
    minimumLivingMonthlyFen: terms.minimumLivingMonthlyFen,
    minimumLivingLine: kept(terms.minimumLivingLine),
    lowIncomeMultiplier: kept(terms.lowIncomeMultiplier),
    lowIncomeLine: kept(terms.lowIncomeLine),
    lowIncomeFloor: kept(terms.lowIncomeFloor),
    extremePovertyMultiplier: kept(terms.extremePovertyMultiplier),
    extremePovertyLine: kept(terms.extremePovertyLine),
    financialAssetLine: kept(terms.financialAssetLine),
    exemptVehicleValueLine: kept(terms.exemptVehicleValueLine),
    residentialAreaLine: kept(terms.residentialAreaLine),
    extremePovertyMinorUntilAge: kept(terms.extremePovertyMinorUntilAge),
    extremePovertyElderlyFromAge: kept(terms.extremePovertyElderlyFromAge),
    emergencyAssistanceMultiplier: kept(terms.emergencyAssistanceMultiplier),
    expenditureAssistanceMultiplier: kept(terms.expenditureAssistanceMultiplier),
    individualAssistanceMultiplier: kept(terms.individualAssistanceMultiplier),
    financialAssetMonths: kept(terms.financialAssetMonths),
    maxHomes: kept(terms.maxHomes),
    residentialAreaPerPersonCapM2: terms.residentialAreaPerPersonCapM2,
    exemptVehicleTypes: kept(terms.exemptVehicleTypes),
    exemptVehicleMaxValueFen: terms.exemptVehicleMaxValueFen,
    employmentCostDeductionFen: kept(terms.employmentCostDeductionFen),
    excludedIncomeKinds: kept(terms.excludedIncomeKinds),
    gracePeriodMonths: kept(terms.gracePeriodMonths),
    benefitMethod: kept(terms.benefitMethod),
    benefitTiers: kept(terms.benefitTiers),
    minimumBenefitFen: kept(terms.minimumBenefitFen),
    severeDisabilityExtraFen: kept(terms.severeDisabilityExtraFen),
    oldAgeExtraFen: kept(terms.oldAgeExtraFen),
    oldAgeExtraFromAge: kept(terms.oldAgeExtraFromAge),
  };
}

/**
 * Creates or replaces a region's policy version for one area type and effective date (1 January of the year unless
 * given), merges the citations it names, and records the change with its old and new values in one transaction:
 * the comparisons read it from then on.
 */
export async function setAssistanceStandard(
  prisma: PrismaClient,
  terms: AssistanceStandardTerms,
  actor: ChangeActor,
): Promise<AssistanceStandard> {
  checkAssistanceStandardTerms(terms);
  await findRegionForInput(prisma, terms.regionCode, 'regionCode');
  const { regionCode, year, areaType } = terms;
  const effectiveFrom = terms.effectiveFrom ?? new Date(Date.UTC(year, 0, 1));
  const key = { regionCode_areaType_effectiveFrom: { regionCode, areaType, effectiveFrom } };
  return prisma.$transaction(async (tx) => {
    const before = await tx.assistanceStandard.findUnique({ where: key });
    const citations = {
      ...((before?.citations as Record<string, unknown> | undefined) ?? {}),
      ...Object.fromEntries(
        (terms.citations ?? []).map(({ rule, document, paragraph }) => [rule, { document, paragraph }]),
      ),
    } as Prisma.InputJsonObject;
    const figures = { ...figuresOf(terms), citations };
    const after = await tx.assistanceStandard.upsert({
      where: key,
      create: { regionCode, year, areaType, effectiveFrom, ...figures },
      update: figures,
    });
    await recordStandardChange(tx, before, after, actor);
    return after;
  });
}
