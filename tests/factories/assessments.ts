import type { Prisma, PrismaClient } from '@hub/prisma';

/**
 * A COMPLETED periodic review of the region holding one assessment of the household: by default a 低保 household of
 * three on ¥900 a month (¥300 each) against a ¥720 standard, with no flags. `assessment` overrides any figure.
 */
export async function createAssessedRun(
  prisma: PrismaClient,
  options: {
    regionCode: string;
    householdId: string;
    assessment?: Partial<Prisma.HouseholdAssessmentUncheckedCreateInput>;
  },
) {
  const run = await prisma.comparisonRun.create({
    data: {
      kind: 'PERIODIC_REVIEW',
      status: 'COMPLETED',
      regionCode: options.regionCode,
      asOf: new Date('2026-11-30'),
      chunkSize: 10,
    },
  });
  await prisma.householdAssessment.create({
    data: {
      runId: run.id,
      householdId: options.householdId,
      chunkNo: 0,
      classification: 'MINIMUM_LIVING',
      countedMembers: 3,
      monthlyIncomeFen: 90_000n,
      rigidExpenditureFen: 0n,
      perCapitaIncomeFen: 30_000n,
      standardMonthlyFen: 72_000,
      financialAssetsFen: 0n,
      flags: [],
      findings: [],
      ...options.assessment,
    },
  });
  return run;
}
