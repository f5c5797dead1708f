import { createPrismaClient } from '@hub/prisma';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentWorld, day, from } from '../factories/assessed-households.ts';
import { createSnapshot } from '../factories/departments.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Hand-made households at the edges of the rules, assessed as of 2026-10-31 against a standard of ¥800 a month.

const AS_OF = '2026-10-31';
const STANDARD = 80_000;
let pool: pg.Pool;
let prisma: ReturnType<typeof createPrismaClient>;
let world: Awaited<ReturnType<typeof createAssessmentWorld>>;

interface Assessment {
  classification: string | null;
  flags: string[];
  per_capita_income_fen: string | null;
  counted_members: number;
  monthly_income_fen: string;
}

async function assess(householdId: string): Promise<Assessment> {
  const run = await startComparisonRun(pool, { kind: 'APPLICATION', asOf: AS_OF, householdIds: [householdId] });
  await runComparison(pool, run.id);
  const { rows } = await pool.query<Assessment>(
    `SELECT classification::text, flags::text[] AS flags, per_capita_income_fen, counted_members, monthly_income_fen
       FROM household_assessments WHERE run_id = $1`,
    [run.id],
  );
  return rows[0] as Assessment;
}

/** A household of `members` whose head earns `totalFen` a month, enrolled as given. */
async function earning(totalFen: number, members: number, options: Parameters<typeof world.household>[0] = {}) {
  const made = await world.household({ members, ...options });
  await world.wage(made.head.id, totalFen);
  return made;
}

beforeAll(async () => {
  const database = await createTestDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 2 });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  world = await createAssessmentWorld(prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026 });
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

describe('income against the standard', () => {
  it('flags per-capita income exactly at the standard (低保 is below it), not a fen below it', async () => {
    const at = await assess((await earning(3 * STANDARD, 3)).household.id);
    expect(at).toMatchObject({
      classification: 'BETWEEN_LINES',
      flags: ['INCOME_ABOVE_STANDARD'],
      per_capita_income_fen: String(STANDARD),
    });
    const below = await assess((await earning(3 * (STANDARD - 1), 3)).household.id);
    expect(below).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [] });
  });

  it('flags per-capita income a fen above the standard, and a third of a fen above it although it rounds down', async () => {
    const above = await assess((await earning(3 * (STANDARD + 1), 3)).household.id);
    expect(above).toMatchObject({ classification: 'LOW_INCOME', flags: ['INCOME_ABOVE_STANDARD'] });
    const third = await assess((await earning(3 * STANDARD + 1, 3)).household.id);
    expect(third).toMatchObject({ flags: ['INCOME_ABOVE_STANDARD'], per_capita_income_fen: String(STANDARD) });
  });

  it('keeps a low-income household within its band a fen below 1.5 × the standard, and not at it (低于)', async () => {
    const line = 1.5 * STANDARD;
    const options = { caseKind: 'LOW_INCOME' as const };
    expect(await assess((await earning(2 * line, 2, options)).household.id)).toMatchObject({
      classification: 'ABOVE_LINE',
      flags: ['INCOME_ABOVE_STANDARD'],
    });
    expect(await assess((await earning(2 * (line - 1), 2, options)).household.id)).toMatchObject({
      classification: 'LOW_INCOME',
      flags: [],
    });
    expect(await assess((await earning(2 * (line + 1), 2, options)).household.id)).toMatchObject({
      classification: 'ABOVE_LINE',
      flags: ['INCOME_ABOVE_STANDARD'],
    });
  });

  it('does not flag income above the standard while the grace period lasts, through its last day', async () => {
    const options = { caseStatus: 'GRACE_PERIOD' as const };
    const endsToday = await earning(2 * STANDARD + 50_000, 2, { ...options, gracePeriodEndsOn: AS_OF });
    expect(await assess(endsToday.household.id)).toMatchObject({
      classification: 'LOW_INCOME',
      flags: ['GRACE_PERIOD_ENDING'],
    });
    const endedYesterday = await earning(2 * STANDARD + 50_000, 2, { ...options, gracePeriodEndsOn: '2026-10-30' });
    expect((await assess(endedYesterday.household.id)).flags).toEqual(['INCOME_ABOVE_STANDARD']);
  });

  it('deducts declared rigid medical and education expenditure before the comparison', async () => {
    const made = await earning(2 * STANDARD + 30_000 - 1, 2);
    await prisma.application.create({
      data: {
        householdId: made.household.id,
        kind: 'MINIMUM_LIVING_GUARANTEE',
        status: 'SUBMITTED',
        submittedOn: day('2026-10-01'),
        medicalExpenseMonthlyFen: 20_000,
        educationExpenseMonthlyFen: 10_000,
      },
    });
    expect(await assess(made.household.id)).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [] });
  });

  it('counts the wage a paying housing-fund account implies where no wage is on record: contribution ÷ (2 × rate)', async () => {
    const made = await world.household({ members: 1 });
    await prisma.housingFundAccount.create({
      data: {
        ...from(world.snapshots, 'HOUSING_FUND', made.head.id),
        accountNumber: `GJJ${uniqueNumber()}`,
        status: 'PAYING',
        employerName: '某公司',
        monthlyContributionFen: 19_224, // 2 × 12 % of ¥801
        contributionRate: '0.120',
        balanceFen: 500_000n,
      },
    });
    expect(await assess(made.household.id)).toMatchObject({
      monthly_income_fen: '80100',
      flags: ['INCOME_ABOVE_STANDARD'],
    });
    await world.wage(made.head.id, 50_000);
    expect(await assess(made.household.id)).toMatchObject({ monthly_income_fen: '50000', flags: [] });
  });

  it('ignores records of snapshots that are not CURRENT', async () => {
    const made = await world.household({ members: 1 });
    const superseded = await createSnapshot(prisma, {
      departmentId: world.snapshots.EMPLOYMENT.departmentId,
      dataset: 'EMPLOYMENT',
      status: 'SUPERSEDED',
    });
    await world.wage(made.head.id, 500_000, superseded);
    expect(await assess(made.household.id)).toMatchObject({ monthly_income_fen: '0', flags: [] });
  });
});

describe('deaths and the as-of date', () => {
  async function died(diedOn: string) {
    const made = await world.household({ members: 2 });
    const member = made.members[1] as (typeof made.members)[number];
    await prisma.cremationRecord.create({
      data: {
        ...from(world.snapshots, 'CREMATION', member.id),
        diedOn: day(diedOn),
        crematedOn: day(diedOn),
        funeralHome: '银川市殡仪馆',
      },
    });
    return made;
  }

  it('does not count a death dated after the as-of date: the member is alive and counts', async () => {
    expect(await assess((await died('2026-11-01')).household.id)).toMatchObject({ flags: [], counted_members: 2 });
  });

  it('flags a death on the as-of date and stops counting the member', async () => {
    expect(await assess((await died(AS_OF)).household.id)).toMatchObject({
      flags: ['DECEASED_MEMBER'],
      counted_members: 1,
    });
  });
});

describe('assets', () => {
  async function vehicle(vehicleType: 'PASSENGER_CAR' | 'MOTORCYCLE', estimatedValueFen: bigint) {
    const made = await world.household({ members: 1 });
    await prisma.vehicleRecord.create({
      data: {
        ...from(world.snapshots, 'VEHICLE', made.head.id),
        plateNumber: `宁A${uniqueNumber()}`,
        vehicleType,
        brand: '五菱',
        registeredOn: day('2020-01-01'),
        estimatedValueFen,
      },
    });
    return (await assess(made.household.id)).flags;
  }

  it('exempts a car worth exactly the exempt value and any motorcycle, not a car a fen dearer', async () => {
    expect(await vehicle('PASSENGER_CAR', 3_000_000n)).toEqual([]);
    expect(await vehicle('MOTORCYCLE', 9_000_000n)).toEqual([]);
    expect(await vehicle('PASSENGER_CAR', 3_000_001n)).toEqual(['NON_EXEMPT_VEHICLE']);
  });

  it('allows financial assets of exactly 24 months of the standard per head, not a fen more', async () => {
    const limit = BigInt(2 * 24 * STANDARD);
    for (const [balance, flags] of [
      [limit, []],
      [limit + 1n, ['FINANCIAL_ASSETS_OVER_LIMIT']],
    ] as const) {
      const made = await world.household({ members: 2 });
      await prisma.bankDeposit.create({
        data: {
          ...from(world.snapshots, 'BANK_DEPOSIT', made.head.id),
          accountNumber: `6222${uniqueNumber()}`,
          depositType: 'TIME',
          balanceFen: balance,
          openedOn: day('2020-01-01'),
        },
      });
      expect((await assess(made.household.id)).flags).toEqual(flags);
    }
  });
});

describe('staff relatives', () => {
  it('flags a recipient on a staff member’s hukou booklet until the staff member files the relation', async () => {
    const made = await world.household({ members: 1 });
    const staffHousehold = await world.household({ members: 1, caseStatus: 'TERMINATED' });
    await prisma.hukouRecord.updateMany({
      where: { personId: staffHousehold.head.id },
      data: { hukouNumber: made.hukouNumber },
    });
    await prisma.staffMember.create({
      data: {
        personId: staffHousehold.head.id,
        role: 'CIVIL_AFFAIRS_STAFF',
        position: '社区低保专干',
        regionCode: world.regions.county.code,
        departmentId: world.civilAffairs.id,
        snapshotId: world.roster.id,
        asOf: world.roster.asOf,
      },
    });
    expect((await assess(made.household.id)).flags).toEqual(['UNFILED_STAFF_RELATIVE']);
    await prisma.staffRelativeFiling.create({
      data: {
        staffPersonId: staffHousehold.head.id,
        relativePersonId: made.head.id,
        relation: 'PARENT',
        filedOn: day('2026-01-05'),
        departmentId: world.civilAffairs.id,
        snapshotId: world.filings.id,
        asOf: world.filings.asOf,
      },
    });
    expect((await assess(made.household.id)).flags).toEqual([]);
  });
});
