import type { AssessmentFlagCode, DiscrepancyCaseStatus, PrismaClient } from '@hub/prisma';
import { chainActorValues, chainCaseEventsSql } from '@hub/server/audit/chain-case-events';
import { systemChangeActor } from '@hub/server/audit/change-actors';
import { createAssessedRun } from './assessments.ts';
import { createHousehold } from './households.ts';

/**
 * An open discrepancy case of a new household of the township, as a completed periodic review opens it: the run, its
 * flagged assessment, the case with its finding and its OPENED event, chained into the audit trail as the hub chains it.
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
    },
  });
  await prisma.$executeRawUnsafe(
    `WITH events AS (
       INSERT INTO discrepancy_case_events (case_id, type, actor_name, run_id, details)
       VALUES ($1::uuid, 'OPENED', 'hub', $2::uuid, $3::jsonb) RETURNING *)
     ${chainCaseEventsSql(4)}`,
    opened.id,
    run.id,
    JSON.stringify({ flags }),
    ...chainActorValues(systemChangeActor('test set-up: a case opened')),
  );
  return { case: opened, household, head, run };
}
