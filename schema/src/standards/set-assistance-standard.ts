import { builder } from '../builder.ts';
import { AreaTypeEnum } from '../households/household.ts';

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
  }),
});

builder.mutationField('setAssistanceStandard', (t) =>
  t.prismaField({
    type: 'AssistanceStandard',
    description:
      'Creates or replaces the standard of a region, year and area type; comparisons started afterwards apply it. ' +
      'A figure out of its range is BAD_USER_INPUT `OUT_OF_RANGE` naming the field.',
    authScopes: { can: 'standards:manage' },
    args: { input: t.arg({ type: SetAssistanceStandardInput, required: true }) },
    resolve: async (query, _root, { input }, { prisma, services }) => {
      const { id } = await services.standards.setAssistanceStandard(input);
      return prisma.assistanceStandard.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
