import { createPrismaClient } from '@hub/prisma';
import { SHANGRAO_2017 } from '@hub/prisma/policy/fixtures/shangrao-2017';
import { YINCHUAN_2021 } from '@hub/prisma/policy/fixtures/yinchuan-2021';
import { sayAppliedRule } from '@hub/schema/comparisons/say-applied-rule';
import { renderVerificationReport } from '@hub/server/comparisons/verification-report';
import { loadPolicyFixture } from '@hub/server/standards/load-policy-fixture';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssessedHousehold, appliedRule, assessHousehold } from '../factories/assessed-households.ts';
import { createSnapshots } from '../factories/department-records.ts';
import { createPerson } from '../factories/households.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The two shipped policies, loaded as an administrator's change would be, and applied by the comparisons.

let pool: pg.Pool;
let prisma: ReturnType<typeof createPrismaClient>;
let snapshots: Awaited<ReturnType<typeof createSnapshots>>;

beforeAll(async () => {
  const database = await createTestDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 2 });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await loadPolicyFixture(prisma, SHANGRAO_2017);
  await loadPolicyFixture(prisma, YINCHUAN_2021);
  snapshots = await createSnapshots(prisma, { regionCode: '640100' });
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

// The staff roster and filings have no snapshot here: their DATA_MISSING finding is beside the point.
const decided = (result: AssessedHousehold) => ({
  ...result,
  flags: result.flags.filter((flag) => flag !== 'DATA_MISSING'),
});

/** A household of `members` working-age persons in the region earning `totalFen` a month, enrolled in 低保. */
async function household(regionCode: string, areaType: 'URBAN' | 'RURAL', members: number, totalFen: number) {
  const created = await prisma.household.create({ data: { regionCode, areaType, address: `某村${uniqueNumber()}号` } });
  const persons = [];
  for (let index = 0; index < members; index++) {
    const person = await createPerson(prisma, {
      householdId: created.id,
      relation: index ? 'CHILD' : 'HEAD',
      birthYear: 1980,
    });
    await prisma.hukouRecord.create({
      data: {
        personId: person.id,
        departmentId: snapshots.HUKOU.departmentId,
        snapshotId: snapshots.HUKOU.id,
        asOf: snapshots.HUKOU.asOf,
        status: 'ACTIVE',
        registeredRegionCode: regionCode,
        hukouNumber: `H${uniqueNumber()}`,
      },
    });
    persons.push(person);
  }
  await prisma.employmentRecord.create({
    data: {
      personId: persons[0]?.id as string,
      departmentId: snapshots.EMPLOYMENT.departmentId,
      snapshotId: snapshots.EMPLOYMENT.id,
      asOf: snapshots.EMPLOYMENT.asOf,
      employerName: '某合作社',
      employerCode: `E${uniqueNumber()}`,
      startedOn: new Date('2010-01-01T00:00:00Z'),
      monthlyWageFen: totalFen,
    },
  });
  await prisma.assistanceCase.create({
    data: {
      householdId: created.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'ACTIVE',
      startedOn: new Date('2012-01-01T00:00:00Z'),
      monthlyAmountFen: 1_000,
    },
  });
  return created;
}

describe('Shangrao 2017', () => {
  it.each([
    [2016, 27_000],
    [2017, 30_500],
    [2018, 35_500],
    [2019, 40_500],
    [2020, 47_000],
  ])('reads the Shangrao rural standard of each year: %i at %i fen a month', async (year, standardFen) => {
    const within = await household('361121', 'RURAL', 2, 2 * standardFen - 2);
    const result = await assessHousehold(pool, within.id, `${year}-06-30`);
    expect(decided(result)).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [] });
    expect(appliedRule(result, 'STANDARD_IN_FORCE')).toMatchObject({
      citation: { document: 'shangrao-county-2017-rural-dibao-and-poverty.txt', paragraph: '一、提标提补保障机制' },
      figures: { standardFen, effectiveFrom: `${year}-01-01` },
    });
  });

  it('shows ¥355.00 plus a third of a fen, not ¥355.00, where a 2018 household is a third of a fen above the line', async () => {
    const made = await household('361121', 'RURAL', 3, 3 * 35_500 + 1);
    const result = await assessHousehold(pool, made.id, '2018-06-30');
    expect(decided(result)).toMatchObject({ classification: 'LOW_INCOME', flags: ['INCOME_ABOVE_STANDARD'] });
    const line = appliedRule(result, 'MINIMUM_LIVING_LINE');
    expect(line && sayAppliedRule({ ...line, rule: 'MINIMUM_LIVING_LINE' }, 'en')).toBe(
      'per-capita income ¥355.00 + 1/3 fen (¥1,065.01 ÷ 3) > the 低保 line ¥355.00, read as “below”',
    );
    const html = renderVerificationReport(
      {
        run: { id: 'r', kind: 'APPLICATION', asOf: '2018-06-30', regionName: null },
        household: { id: made.id, address: made.address, regionName: '上饶县', areaType: 'RURAL' },
        members: [],
        assessment: {
          classification: result.classification,
          countedMembers: result.counted_members,
          monthlyIncomeFen: result.monthly_income_fen,
          rigidExpenditureFen: '0',
          perCapitaIncomeFen: result.per_capita_income_fen,
          standardMonthlyFen: 35_500,
          financialAssetsFen: '0',
          monthlyBenefitFen: result.monthly_benefit_fen,
          appliedRules: result.applied_rules as never,
          findings: [],
          dataSources: [],
        },
        departments: new Map(),
        purgedSnapshotIds: new Set(),
      },
      new Date(),
    );
    expect(html).toContain('¥355.00 + 1/3 分（¥1,065.01 ÷ 3 人） &gt; 低保标准 ¥355.00，按“低于”判断');
    expect(html).toContain('¥355.00 + 1/3 fen (¥1,065.01 ÷ 3)');
    expect(html).not.toMatch(/<td>¥355\.00<\/td><\/tr><tr><th>低保标准/);
  });
});

describe('Yinchuan 2021', () => {
  it('cites the work plan for each rule it sets, and applies 低收入 below 1.5 × the standard', async () => {
    const standard = await prisma.assistanceStandard.findFirstOrThrow({
      where: { regionCode: '640100', year: 2021, areaType: 'URBAN' },
    });
    expect(standard).toMatchObject({ minimumLivingLine: 'BELOW', lowIncomeLine: 'BELOW', gracePeriodMonths: 18 });
    expect(String(standard.extremePovertyMultiplier)).toBe('1.3');
    const citations = standard.citations as Record<string, { paragraph: string }>;
    expect(citations.LOW_INCOME_LINE?.paragraph).toBe('二(五)');
    expect(citations.TEMPORARY_ASSISTANCE?.paragraph).toBe('二(七)');
    const made = await household('640100', 'URBAN', 2, 2 * 70_000 + 1);
    const result = await assessHousehold(pool, made.id, '2021-09-30');
    expect(decided(result)).toMatchObject({ classification: 'LOW_INCOME', flags: ['INCOME_ABOVE_STANDARD'] });
    expect(appliedRule(result, 'LOW_INCOME_LINE')).toMatchObject({
      holds: true,
      citation: { document: 'yinchuan-2021-assistance-and-rural-revitalisation.txt', paragraph: '二(五)' },
    });
  });

  it('reads no floor into 二(五): exactly on its standard a household is 低收入, where Shangrao’s is neither', async () => {
    const yinchuan = await assessHousehold(pool, (await household('640100', 'URBAN', 2, 2 * 70_000)).id, '2021-09-30');
    expect(decided(yinchuan)).toMatchObject({ classification: 'LOW_INCOME', flags: ['INCOME_ABOVE_STANDARD'] });
    expect(appliedRule(yinchuan, 'LOW_INCOME_FLOOR')).toMatchObject({
      holds: true,
      citation: { document: 'yinchuan-2021-assistance-and-rural-revitalisation.txt', paragraph: '二(五)' },
      figures: { reading: 'AT_OR_ABOVE', floorFen: 70_000 },
    });
    const shangrao = await assessHousehold(pool, (await household('361121', 'RURAL', 3, 3 * 35_500)).id, '2018-06-30');
    expect(decided(shangrao)).toMatchObject({ classification: 'BETWEEN_LINES', flags: ['INCOME_ABOVE_STANDARD'] });
    expect(appliedRule(shangrao, 'LOW_INCOME_FLOOR')).toMatchObject({
      holds: false,
      citation: { document: 'tieling-2021-difficult-families-action.txt', paragraph: '四(三)' },
      figures: { reading: 'ABOVE' },
    });
  });
});
