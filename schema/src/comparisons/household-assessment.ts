import type { AssessmentFlagCode, HouseholdClassification } from '@hub/prisma';
import { builder } from '../builder.ts';
import { AppliedRule } from './applied-rule.ts';
import { AssessmentFlag, type StoredFinding } from './assessment-flag.ts';
import { AssessmentFlagCodeEnum, HouseholdClassificationEnum } from './comparison-enums.ts';
import { DataSourceUsed, type StoredDataSource } from './data-source-used.ts';
import type { StoredAppliedRule } from './say-applied-rule.ts';

const read = { can: 'comparisons:read' } as const;

export const HouseholdAssessment = builder.prismaObject('HouseholdAssessment', {
  description: "One household's result in one comparison run.",
  authScopes: (assessment) => ({ ...read, reachesHousehold: assessment.householdId }),
  fields: (t) => ({
    runId: t.exposeID('runId'),
    householdId: t.exposeID('householdId'),
    household: t.relation('household', {
      nullable: true,
      description: 'The household assessed, as the reader may see it: its head, region and address, masked by access.',
    }),
    classification: t.expose('classification', {
      type: HouseholdClassificationEnum,
      nullable: true,
      description: 'Null when no member counts (every member died before the as-of date).',
    }),
    countedMembers: t.exposeInt('countedMembers', { description: 'Members alive on the as-of date.' }),
    monthlyIncomeFen: t.expose('monthlyIncomeFen', { type: 'Fen' }),
    rigidExpenditureFen: t.expose('rigidExpenditureFen', { type: 'Fen' }),
    perCapitaIncomeFen: t.expose('perCapitaIncomeFen', {
      type: 'Fen',
      nullable: true,
      description:
        '(income − rigid expenditure) ÷ counted members, rounded down to the fen: a display figure; the decision compares the exact amount (see appliedRules).',
    }),
    monthlyBenefitFen: t.expose('monthlyBenefitFen', {
      type: 'Fen',
      nullable: true,
      description: 'What the household would receive a month (低保, 特困, or its case amount within the grace period).',
    }),
    appliedRules: t.field({
      type: [AppliedRule],
      description: 'Every rule the decision applied, with its citation and the figures compared.',
      resolve: (assessment) => assessment.appliedRules as unknown as StoredAppliedRule[],
    }),
    standardMonthlyFen: t.exposeInt('standardMonthlyFen', { description: 'The 低保 standard applied, per head.' }),
    financialAssetsFen: t.expose('financialAssetsFen', { type: 'Fen' }),
    flags: t.field({
      type: [AssessmentFlag],
      resolve: (assessment) =>
        (assessment.findings as unknown as StoredFinding[]).map((finding) => ({
          ...finding,
          evidence: finding.evidence.map((evidence) => ({ ...evidence, householdId: assessment.householdId })),
        })),
    }),
    dataSources: t.field({
      type: [DataSourceUsed],
      description:
        'APPLICATION runs: per department and dataset, whether the assessment used a live answer, fell back on the bulk snapshot (and why), or read the bulk snapshot. Empty for other kinds, which read the CURRENT snapshots only.',
      resolve: (assessment) => assessment.dataSources as unknown as StoredDataSource[],
    }),
    assessedAt: t.expose('assessedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('assessments', (t) =>
  t.prismaConnection(
    {
      type: 'HouseholdAssessment',
      cursor: 'runId_householdId',
      nullable: true,
      description: "A run's household results, by household id; filtered by classification or flag.",
      authScopes: read,
      args: {
        runId: t.arg.id({ required: true }),
        classification: t.arg({ type: HouseholdClassificationEnum }),
        flag: t.arg({ type: AssessmentFlagCodeEnum }),
      },
      totalCount: async (_connection, args, { access, prisma }) =>
        (await access.findReachableRun(String(args.runId)))
          ? prisma.householdAssessment.count({ where: assessmentsWhere(args) })
          : 0,
      // Another region's run, like a run that does not exist, has no results.
      resolve: async (query, _root, args, context) => {
        const planned = { ...query };
        if (!(await context.access.findReachableRun(String(args.runId)))) return [];
        const assessments = await context.prisma.householdAssessment.findMany({
          ...planned,
          where: assessmentsWhere(args),
          orderBy: [{ runId: 'asc' }, { householdId: 'asc' }],
        });
        for (const assessment of assessments) {
          context.disclosures.touch({ subjectPersonId: null, subjectHouseholdId: assessment.householdId });
        }
        return assessments;
      },
    },
    { name: 'HouseholdAssessmentConnection' },
    { name: 'HouseholdAssessmentEdge' },
  ),
);

function assessmentsWhere(args: {
  runId: string | number;
  classification?: HouseholdClassification | null;
  flag?: AssessmentFlagCode | null;
}) {
  return {
    runId: String(args.runId),
    ...(args.classification ? { classification: args.classification } : {}),
    ...(args.flag ? { flags: { has: args.flag } } : {}),
  };
}
