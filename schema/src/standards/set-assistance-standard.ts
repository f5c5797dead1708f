import { builder } from '../builder.ts';
import { changeActorOf } from '../change-actor.ts';
import { AreaTypeEnum } from '../households/household.ts';
import { VehicleTypeEnum } from '../records/vehicle-record.ts';
import { PolicyCitationInput } from './policy-citation.ts';
import { BenefitMethodEnum, FloorReadingEnum, IncomeKindEnum, LineReadingEnum } from './policy-enums.ts';

const BenefitTierInput = builder.inputType('BenefitTierInput', {
  fields: (t) => ({
    perCapitaIncomeBelowFen: t.int({ required: true, description: 'Above the previous tier’s bound.' }),
    monthlyPerMemberFen: t.int({ required: true, description: 'Positive.' }),
  }),
});

const SetAssistanceStandardInput = builder.inputType('SetAssistanceStandardInput', {
  description:
    'A standard for one region, year and area type. An omitted threshold keeps its current value, or for a new ' +
    'standard the default (low income 1.5×, extreme poverty 1.3×, 24 months of assets, one home, 18 months of grace).',
  fields: (t) => ({
    regionCode: t.string({ required: true }),
    year: t.int({ required: true, description: '2000–2100.' }),
    areaType: t.field({ type: AreaTypeEnum, required: true }),
    minimumLivingMonthlyFen: t.int({ required: true, description: 'Per person per month, in fen: ¥830 is 83000.' }),
    lowIncomeMultiplier: t.field({ type: 'Decimal', description: 'Above 1, at most 3.' }),
    extremePovertyMultiplier: t.field({ type: 'Decimal', description: '1 to 3.' }),
    emergencyAssistanceMultiplier: t.field({ type: 'Decimal', description: '1 to 10.' }),
    expenditureAssistanceMultiplier: t.field({ type: 'Decimal', description: '1 to 10.' }),
    individualAssistanceMultiplier: t.field({ type: 'Decimal', description: '1 to 10.' }),
    financialAssetMonths: t.int({ description: '1 to 120.' }),
    maxHomes: t.int({ description: '0 to 10.' }),
    exemptVehicleMaxValueFen: t.field({ type: 'Fen', description: 'Positive; null exempts no vehicle.' }),
    employmentCostDeductionFen: t.int({ description: 'Per monthly wage; 0 for none.' }),
    gracePeriodMonths: t.int({ description: '0 to 18.' }),
    effectiveFrom: t.field({ type: 'Date', description: 'Within the year; the version is in force from then.' }),
    minimumLivingLine: t.field({ type: LineReadingEnum }),
    lowIncomeLine: t.field({ type: LineReadingEnum }),
    lowIncomeFloor: t.field({ type: FloorReadingEnum }),
    extremePovertyLine: t.field({ type: LineReadingEnum }),
    financialAssetLine: t.field({ type: LineReadingEnum, description: 'Default AT_OR_BELOW ("at most N ×").' }),
    exemptVehicleValueLine: t.field({ type: LineReadingEnum, description: 'Default AT_OR_BELOW ("≤ ¥30,000").' }),
    residentialAreaLine: t.field({ type: LineReadingEnum, description: 'Default AT_OR_BELOW ("may not exceed").' }),
    extremePovertyMinorUntilAge: t.int({ description: '14 to 25.' }),
    extremePovertyElderlyFromAge: t.int({ description: '50 to 80.' }),
    residentialAreaPerPersonCapM2: t.field({ type: 'Decimal', description: '1 to 1000 m²; null sets no cap.' }),
    exemptVehicleTypes: t.field({ type: [VehicleTypeEnum] }),
    excludedIncomeKinds: t.field({ type: [IncomeKindEnum] }),
    benefitMethod: t.field({ type: BenefitMethodEnum }),
    benefitTiers: t.field({ type: [BenefitTierInput], description: 'By ascending per-capita income bound.' }),
    minimumBenefitFen: t.int({ description: '0 to 5,000,000.' }),
    severeDisabilityExtraFen: t.int({ description: '0 to 5,000,000.' }),
    oldAgeExtraFen: t.int({ description: '0 to 5,000,000.' }),
    oldAgeExtraFromAge: t.int({ description: '50 to 120.' }),
    citations: t.field({ type: [PolicyCitationInput], description: 'Each replaces the citation of its rule.' }),
  }),
});

builder.mutationField('setAssistanceStandard', (t) =>
  t.prismaField({
    type: 'AssistanceStandard',
    description:
      'Creates or replaces the policy version of a region, area type and effective date; comparisons started ' +
      'afterwards apply it, and the change is kept with its old and new values. A figure out of its range is ' +
      'BAD_USER_INPUT `OUT_OF_RANGE` naming the field.',
    authScopes: { can: 'standards:manage' },
    args: { input: t.arg({ type: SetAssistanceStandardInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const actor = changeActorOf(context, 'setAssistanceStandard');
      const { id } = await context.services.standards.setAssistanceStandard(input, actor);
      return context.prisma.assistanceStandard.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
