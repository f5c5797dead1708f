import { builder } from '../builder.ts';
import { AreaTypeEnum } from '../households/household.ts';
import { isUuid } from '../uuid.ts';

const read = { can: 'standards:read' } as const;

export const AssistanceStandard = builder.prismaObject('AssistanceStandard', {
  description:
    "A region's assistance standard for one year and area type: the 低保 line and every threshold the comparisons " +
    'apply. A region without its own standard takes the nearest enclosing region’s.',
  authScopes: read,
  fields: (t) => ({
    id: t.exposeID('id'),
    region: t.relation('region'),
    year: t.exposeInt('year'),
    areaType: t.expose('areaType', { type: AreaTypeEnum }),
    minimumLivingMonthlyFen: t.exposeInt('minimumLivingMonthlyFen', {
      description: 'The 低保 standard, per person per month.',
    }),
    lowIncomeMultiplier: t.expose('lowIncomeMultiplier', {
      type: 'Decimal',
      description: '低收入: per-capita income above the standard but at most this multiple of it.',
    }),
    extremePovertyMultiplier: t.expose('extremePovertyMultiplier', {
      type: 'Decimal',
      description: '特困: the basic living standard as a multiple of the 低保 standard.',
    }),
    emergencyAssistanceMultiplier: t.expose('emergencyAssistanceMultiplier', { type: 'Decimal' }),
    expenditureAssistanceMultiplier: t.expose('expenditureAssistanceMultiplier', { type: 'Decimal' }),
    individualAssistanceMultiplier: t.expose('individualAssistanceMultiplier', { type: 'Decimal' }),
    financialAssetMonths: t.exposeInt('financialAssetMonths', {
      description: 'Financial assets per head may not exceed this many months of the standard.',
    }),
    maxHomes: t.exposeInt('maxHomes'),
    exemptVehicleMaxValueFen: t.expose('exemptVehicleMaxValueFen', {
      type: 'Fen',
      nullable: true,
      description: 'A vehicle worth at most this much is exempt; null exempts none.',
    }),
    employmentCostDeductionFen: t.exposeInt('employmentCostDeductionFen', {
      description: 'Deducted from each monthly wage as the cost of employment; 0 where none applies.',
    }),
    gracePeriodMonths: t.exposeInt('gracePeriodMonths', {
      description: '渐退期: months benefits continue after a recipient finds work.',
    }),
  }),
});

builder.queryField('assistanceStandards', (t) =>
  t.prismaField({
    type: ['AssistanceStandard'],
    description: 'Standards by region, latest year first, urban before rural; narrowed to one region and/or year.',
    authScopes: read,
    args: { regionCode: t.arg.string(), year: t.arg.int() },
    resolve: (query, _root, args, { prisma }) =>
      prisma.assistanceStandard.findMany({
        ...query,
        where: { regionCode: args.regionCode ?? undefined, year: args.year ?? undefined },
        orderBy: [{ regionCode: 'asc' }, { year: 'desc' }, { areaType: 'asc' }],
      }),
  }),
);

builder.queryField('assistanceStandard', (t) =>
  t.prismaField({
    type: 'AssistanceStandard',
    nullable: true,
    authScopes: read,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, { prisma }) =>
      isUuid(String(args.id))
        ? prisma.assistanceStandard.findUnique({ ...query, where: { id: String(args.id) } })
        : null,
  }),
);
