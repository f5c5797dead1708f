import type { AssessmentFlagCode, DiscrepancyCaseStatus, PrismaClient } from '@hub/prisma';
import { createAssessedRun } from './assessments.ts';
import { createHousehold } from './households.ts';

/**
 * An open discrepancy case of a new household of the township, as a completed periodic review opens it: the run, its
 * flagged assessment, the case with its finding and its OPENED event.
 */
export async function createDiscrepancyCase(
  prisma: PrismaClient,
  options: {
    townshipCode: string;
    dueOn: string;
    flags?: AssessmentFlagCode[];
    status?: DiscrepancyCaseStatus;
    assigneeId?: string;
  },
) {
  const flags = options.flags ?? ['INCOME_ABOVE_STANDARD'];
  const { household, head } = await createHousehold(prisma, { regionCode: options.townshipCode });
  const run = await createAssessedRun(prisma, {
    regionCode: options.townshipCode,
    householdId: household.id,
    assessment: { flags, classification: 'ABOVE_LINE' },
  });
  const opened = await prisma.discrepancyCase.create({
    data: {
      householdId: household.id,
      officeRegionCode: options.townshipCode,
      kind: 'PERIODIC_REVIEW',
      status: options.status ?? 'OPEN',
      flags,
      openedByRunId: run.id,
      latestRunId: run.id,
      assigneeId: options.assigneeId,
      dueOn: new Date(`${options.dueOn}T00:00:00Z`),
      deadlineWorkingDays: 15,
      findings: { create: { runId: run.id, householdId: household.id, flags } },
      events: { create: { type: 'OPENED', actorName: 'hub', runId: run.id, details: { flags } } },
    },
  });
  return { case: opened, household, head, run };
}
