import { builder } from '../builder.ts';
import type { HouseholdChange as Change, ComparisonRunDiff as Diff } from '../context.ts';
import { householdSubject } from '../disclosure/annotations.ts';
import { householdDataOf } from '../scopes.ts';

const HouseholdChange = builder.objectRef<Change>('HouseholdChange').implement({
  fields: (t) => ({
    householdId: t.exposeID('householdId'),
    household: t.prismaField({
      type: 'Household',
      nullable: true,
      description: 'The household that changed, as the reader may see it; null outside its reach.',
      authScopes: (change) => householdDataOf({ id: change.householdId }),
      unauthorizedResolver: () => null,
      resolve: async (query, change, _args, { disclosures, prisma }) => {
        disclosures.touch(householdSubject(change.householdId));
        return prisma.household.findUnique({ ...query, where: { id: change.householdId } });
      },
    }),
    previousClassification: t.exposeString('previousClassification', { nullable: true }),
    classification: t.exposeString('classification', { nullable: true }),
    addedFlags: t.exposeStringList('addedFlags'),
    removedFlags: t.exposeStringList('removedFlags'),
  }),
});

const ComparisonRunDiff = builder.objectRef<Diff>('ComparisonRunDiff').implement({
  description: 'What changed since the previous completed run of the same kind and region.',
  fields: (t) => ({
    runId: t.exposeID('runId'),
    previousRun: t.prismaField({
      type: 'ComparisonRun',
      nullable: true,
      resolve: (query, diff, _args, { prisma }) =>
        diff.previousRunId ? prisma.comparisonRun.findUnique({ ...query, where: { id: diff.previousRunId } }) : null,
    }),
    newlyFlagged: t.field({ type: [HouseholdChange], resolve: (diff) => diff.newlyFlagged }),
    cleared: t.field({ type: [HouseholdChange], resolve: (diff) => diff.cleared }),
    changedClass: t.field({ type: [HouseholdChange], resolve: (diff) => diff.changedClass }),
  }),
});

builder.queryField('comparisonRunDiff', (t) =>
  t.field({
    type: ComparisonRunDiff,
    nullable: true,
    authScopes: { can: 'comparisons:read' },
    args: { runId: t.arg.id({ required: true }) },
    resolve: async (_root, args, { access, services }) => {
      const run = await access.findReachableRun(String(args.runId));
      return run ? services.comparisons.diffComparisonRuns(run.id) : null;
    },
  }),
);
