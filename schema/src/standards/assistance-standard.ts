import type { Citation, PolicyRuleCode } from '@hub/prisma/policy/policy-rules';
import { builder } from '../builder.ts';
import { AreaTypeEnum } from '../households/household.ts';
import { VehicleTypeEnum } from '../records/vehicle-record.ts';
import { isUuid } from '../uuid.ts';
import { AssistanceStandardChange } from './assistance-standard-change.ts';
import { PolicyCitation } from './policy-citation.ts';
import { BenefitMethodEnum, FloorReadingEnum, IncomeKindEnum, LineReadingEnum } from './policy-enums.ts';

const BenefitTier = builder
  .objectRef<{ perCapitaIncomeBelowFen: number; monthlyPerMemberFen: number }>('BenefitTier')
  .implement({
    description: '分档: households whose per-capita income is below the bound receive the amount per member.',
    fields: (t) => ({
      perCapitaIncomeBelowFen: t.exposeInt('perCapitaIncomeBelowFen'),
      monthlyPerMemberFen: t.exposeInt('monthlyPerMemberFen'),
    }),
  });

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
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    areaType: t.expose('areaType', { type: AreaTypeEnum }),
    minimumLivingMonthlyFen: t.exposeInt('minimumLivingMonthlyFen', {
      description: 'The 低保 standard, per person per month.',
    }),
    minimumLivingLine: t.expose('minimumLivingLine', {
      type: LineReadingEnum,
      description: '低保 when per-capita income is below the standard (BELOW), or at most it (AT_OR_BELOW).',
    }),
    lowIncomeMultiplier: t.expose('lowIncomeMultiplier', {
      type: 'Decimal',
      description: '低收入: per-capita income not within the 低保 line but within this multiple of the standard.',
    }),
    lowIncomeLine: t.expose('lowIncomeLine', { type: LineReadingEnum }),
    lowIncomeFloor: t.expose('lowIncomeFloor', {
      type: FloorReadingEnum,
      description: '低收入 from above the standard (ABOVE, 高于) or from the standard itself (AT_OR_ABOVE).',
    }),
    extremePovertyLine: t.expose('extremePovertyLine', { type: LineReadingEnum }),
    extremePovertyMinorUntilAge: t.exposeInt('extremePovertyMinorUntilAge', {
      description: '特困 covers minors under this age (18).',
    }),
    extremePovertyElderlyFromAge: t.exposeInt('extremePovertyElderlyFromAge'),
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
    financialAssetLine: t.expose('financialAssetLine', {
      type: LineReadingEnum,
      description: 'Within the financial-asset limit at most it (AT_OR_BELOW) or only below it (BELOW).',
    }),
    maxHomes: t.exposeInt('maxHomes'),
    residentialAreaLine: t.expose('residentialAreaLine', {
      type: LineReadingEnum,
      description: 'Within the area cap at most it (AT_OR_BELOW) or only below it (BELOW).',
    }),
    exemptVehicleValueLine: t.expose('exemptVehicleValueLine', {
      type: LineReadingEnum,
      description: 'A vehicle is exempt worth at most the exempt value (AT_OR_BELOW) or only below it (BELOW).',
    }),
    residentialAreaPerPersonCapM2: t.expose('residentialAreaPerPersonCapM2', {
      type: 'Decimal',
      nullable: true,
      description: 'Owned residential area per counted member may not exceed this; null sets no cap.',
    }),
    exemptVehicleTypes: t.field({
      type: [VehicleTypeEnum],
      resolve: (standard) => standard.exemptVehicleTypes,
    }),
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
    excludedIncomeKinds: t.field({
      type: [IncomeKindEnum],
      description: 'Income of these kinds is not counted.',
      resolve: (standard) => standard.excludedIncomeKinds,
    }),
    benefitMethod: t.expose('benefitMethod', { type: BenefitMethodEnum }),
    benefitTiers: t.field({
      type: [BenefitTier],
      resolve: (standard) =>
        standard.benefitTiers as unknown as { perCapitaIncomeBelowFen: number; monthlyPerMemberFen: number }[],
    }),
    minimumBenefitFen: t.exposeInt('minimumBenefitFen', {
      description: 'The least a 低保 household receives a month.',
    }),
    severeDisabilityExtraFen: t.exposeInt('severeDisabilityExtraFen', {
      description: 'Paid on top each month per severely disabled member (grade 1 or 2).',
    }),
    oldAgeExtraFen: t.exposeInt('oldAgeExtraFen', {
      description: 'Paid on top each month per member of the age below.',
    }),
    oldAgeExtraFromAge: t.exposeInt('oldAgeExtraFromAge'),
    citations: t.field({
      type: [PolicyCitation],
      description: 'The citation the region records for each rule.',
      resolve: (standard) =>
        Object.entries(standard.citations as unknown as Record<string, Citation>).map(([rule, citation]) => ({
          rule: rule as PolicyRuleCode,
          ...citation,
        })),
    }),
    changes: t.relation('changes', {
      type: AssistanceStandardChange,
      description: 'Every change an administrator made to this version, latest first.',
      query: { orderBy: { changedAt: 'desc' } },
    }),
  }),
});

builder.queryField('assistanceStandards', (t) =>
  t.prismaField({
    type: ['AssistanceStandard'],
    description:
      'Policy versions by region, latest year first, urban before rural, earliest version first within a year; narrowed to one region and/or year.',
    authScopes: read,
    args: { regionCode: t.arg.string(), year: t.arg.int() },
    resolve: (query, _root, args, { prisma }) =>
      prisma.assistanceStandard.findMany({
        ...query,
        where: { regionCode: args.regionCode ?? undefined, year: args.year ?? undefined },
        orderBy: [{ regionCode: 'asc' }, { year: 'desc' }, { areaType: 'asc' }, { effectiveFrom: 'asc' }],
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
