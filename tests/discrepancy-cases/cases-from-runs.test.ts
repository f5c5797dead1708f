import { createPrismaClient } from '@hub/prisma';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import { readDiscrepancyCasePolicy } from '@hub/server/discrepancy-cases/discrepancy-case-policy';
import { addWorkingDays, chinaDay } from '@hub/server/discrepancy-cases/official-working-days';
import { openDiscrepancyCases } from '@hub/server/discrepancy-cases/open-discrepancy-cases';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentWorld } from '../factories/assessed-households.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(async () => {
  await prisma.$disconnect();
  await pool.end();
});

const world = await createAssessmentWorld(prisma, { minimumLivingMonthlyFen: 72_000, year: 2026 });
const flaggedTwice = await world.household();
const flaggedOnce = await world.household();
const neverFlagged = await world.household();
const onceWage = { id: '' };
let firstRun = '';
let secondRun = '';

async function review() {
  const run = await startComparisonRun(pool, {
    kind: 'PERIODIC_REVIEW',
    asOf: '2026-11-30',
    regionCode: world.regions.county.code,
  });
  await runComparison(pool, run.id);
  return run.id;
}

const caseOf = (householdId: string) =>
  prisma.discrepancyCase.findMany({
    where: { householdId },
    include: { findings: true, events: { orderBy: { occurredAt: 'asc' } } },
  });

beforeAll(async () => {
  await world.wage(flaggedTwice.head.id, 900_000);
  onceWage.id = (await world.wage(flaggedOnce.head.id, 900_000)).id;
  firstRun = await review();
});

describe('a completed run’s findings', () => {
  it('open one case per flagged household, at its township office, due 15 working days on', async () => {
    const [opened] = await caseOf(flaggedTwice.household.id);
    expect(opened).toMatchObject({
      status: 'OPEN',
      kind: 'PERIODIC_REVIEW',
      officeRegionCode: world.regions.township.code,
      openedByRunId: firstRun,
      deadlineWorkingDays: 15,
    });
    expect(opened?.flags).toContain('INCOME_ABOVE_STANDARD');
    expect(opened?.dueOn.toISOString().slice(0, 10)).toBe(addWorkingDays(chinaDay(new Date()), 15));
    expect(opened?.findings.map((finding) => finding.runId)).toEqual([firstRun]);
    expect(opened?.events.map((event) => [event.type, event.actorName, event.runId])).toEqual([
      ['OPENED', 'hub', firstRun],
    ]);
    expect(await caseOf(neverFlagged.household.id)).toEqual([]);
  });

  it('add nothing when the completion step runs again', async () => {
    const before = await prisma.discrepancyCaseEvent.count();
    const client = await pool.connect();
    try {
      const again = await openDiscrepancyCases(client, firstRun, { policy: readDiscrepancyCasePolicy({}) });
      expect(again).toEqual({ opened: 0, joined: 0, cleared: 0 });
    } finally {
      client.release();
    }
    expect(await prisma.discrepancyCaseEvent.count()).toBe(before);
    expect(await prisma.discrepancyCase.count()).toBe(2);
  });
});

describe('a later run of the same kind and region', () => {
  beforeAll(async () => {
    await prisma.employmentRecord.delete({ where: { id: onceWage.id } });
    secondRun = await review();
  });

  it('joins the open case of a household it flags again, listing both runs’ findings', async () => {
    const cases = await caseOf(flaggedTwice.household.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.status).toBe('OPEN');
    expect(cases[0]?.latestRunId).toBe(secondRun);
    expect(cases[0]?.findings.map((finding) => finding.runId).sort()).toEqual([firstRun, secondRun].sort());
    expect(cases[0]?.events.map((event) => event.type)).toEqual(['OPENED', 'FLAGS_JOINED']);
  });

  it('clears the case of a household it no longer flags, naming itself', async () => {
    const [cleared] = await caseOf(flaggedOnce.household.id);
    expect(cleared).toMatchObject({ status: 'CLOSED', closure: 'CLEARED_BY_RUN', clearedByRunId: secondRun });
    expect(cleared?.events.map((event) => [event.type, event.runId])).toEqual([
      ['OPENED', firstRun],
      ['CLEARED_BY_RUN', secondRun],
    ]);
  });
});
