import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedRule, assessHousehold, createAssessmentWorld, day, from } from '../factories/assessed-households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// 渐退期 (yinchuan-2021 二(四)) read from the civil-affairs register as an officer keeps it through GraphQL: the
// grace months run from the grace-period start the register records, whatever the case's status, or else from the
// first job a member started while the household was enrolled, across renewals of its case. Within the grace period
// the income flag is held back, its last month is a finding, and after it the flag is raised.

const STANDARD = 80_000;
const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const purpose = 'MINIMUM_LIVING_GUARANTEE';
let officer = '';
let world: Awaited<ReturnType<typeof createAssessmentWorld>>;

const REGISTER = `mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`;
const RECORD_CASE = `mutation ($input: RecordAssistanceCaseInput!) {
  recordAssistanceCase(input: $input) { id gracePeriodEndsOn }
}`;
const UPDATE_CASE = `mutation ($id: ID!, $input: UpdateAssistanceCaseInput!) {
  updateAssistanceCase(id: $id, input: $input) { id gracePeriodStartedOn gracePeriodEndsOn }
}`;

beforeAll(async () => {
  world = await createAssessmentWorld(hub.prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026 });
  for (const year of [2024, 2025]) {
    await hub.prisma.assistanceStandard.create({
      data: {
        regionCode: world.regions.county.code,
        year,
        effectiveFrom: day(`${year}-01-01`),
        areaType: 'URBAN',
        minimumLivingMonthlyFen: STANDARD,
      },
    });
  }
  const { user, password } = await createUser(hub.prisma, {
    role: 'VERIFICATION_OFFICER',
    departmentId: world.civilAffairs.id,
  });
  officer = await hub.logIn(user.username, password);
});
afterAll(() => pool.end());

async function mutate<Data>(query: string, variables: Record<string, unknown>, token = officer): Promise<Data> {
  const answer = await hub.graphql<Data>(query, { token, purpose, variables });
  expect(answer.errors).toBeUndefined();
  return answer.data as Data;
}

/** A one-person household registered since 2020 and on the police's hukou roll, earning `wageFen` from `jobOn`. */
async function registeredEarner(wageFen: number, jobOn: string, on = world, token = officer) {
  const idNumber = uniqueIdNumber({ regionCode: '640104', sex: 'FEMALE', birthYear: 1980 }).idNumber;
  const { registerHousehold } = await mutate<{ registerHousehold: { id: string } }>(
    REGISTER,
    {
      input: {
        regionCode: on.regions.township.code,
        areaType: 'URBAN',
        address: '兴庆区文化街8号',
        validFrom: '2020-01-01',
        members: [{ idNumber, name: '马兰', relation: 'HEAD' }],
      },
    },
    token,
  );
  const person = await hub.prisma.person.findUniqueOrThrow({ where: { idNumber } });
  await hub.prisma.hukouRecord.create({
    data: {
      ...from(on.snapshots, 'HUKOU', person.id),
      status: 'ACTIVE',
      registeredRegionCode: '640104',
      hukouNumber: `H${idNumber}`,
    },
  });
  await on.wage(person.id, wageFen, on.snapshots.EMPLOYMENT, jobOn);
  return registerHousehold.id;
}

const recordCase = (householdId: string, terms: Record<string, unknown>, token = officer) =>
  mutate<{ recordAssistanceCase: { id: string; gracePeriodEndsOn: string | null } }>(
    RECORD_CASE,
    { input: { householdId, kind: 'MINIMUM_LIVING_GUARANTEE', monthlyAmountFen: 30_000, ...terms } },
    token,
  );

const ABOVE = STANDARD + 20_000;

describe('the grace period from the register', () => {
  it('holds the flag back from the register’s grace-period start, warns in its last month, flags after it', async () => {
    const householdId = await registeredEarner(ABOVE, '2024-06-01');
    const recorded = await recordCase(householdId, {
      status: 'GRACE_PERIOD',
      startedOn: '2022-03-01',
      gracePeriodStartedOn: '2024-09-01',
    });
    expect(recorded.recordAssistanceCase.gracePeriodEndsOn).toBe('2026-02-28');

    const within = await assessHousehold(pool, householdId, '2025-12-31');
    expect(within).toMatchObject({ classification: 'LOW_INCOME', flags: [], monthly_benefit_fen: '30000' });
    expect(appliedRule(within, 'GRACE_PERIOD')).toMatchObject({
      holds: true,
      figures: { source: 'REGISTER', graceStartedOn: '2024-09-01', graceEndsOn: '2026-02-28', months: 18 },
    });
    expect((await assessHousehold(pool, householdId, '2026-02-15')).flags).toEqual(['GRACE_PERIOD_ENDING']);
    const after = await assessHousehold(pool, householdId, '2026-03-01');
    expect(after.flags).toEqual(['INCOME_ABOVE_STANDARD']);
    expect(appliedRule(after, 'GRACE_PERIOD')?.holds).toBe(false);
  });

  it('reads a grace-period start the officer records on an ACTIVE case, and the next run follows a correction', async () => {
    // The job began in January 2025; the register says the income rose above the line only in June.
    const householdId = await registeredEarner(ABOVE, '2025-01-01');
    const { recordAssistanceCase } = await recordCase(householdId, { status: 'ACTIVE', startedOn: '2023-01-01' });
    expect((await assessHousehold(pool, householdId, '2026-10-31')).flags).toEqual(['INCOME_ABOVE_STANDARD']);

    const corrected = await mutate<{ updateAssistanceCase: { gracePeriodEndsOn: string } }>(UPDATE_CASE, {
      id: recordAssistanceCase.id,
      input: { gracePeriodStartedOn: '2025-06-01' },
    });
    expect(corrected.updateAssistanceCase.gracePeriodEndsOn).toBe('2026-11-30');
    const result = await assessHousehold(pool, householdId, '2026-10-31');
    expect(result.flags).toEqual(['GRACE_PERIOD_ENDING']);
    expect(appliedRule(result, 'GRACE_PERIOD')?.figures).toMatchObject({
      source: 'REGISTER',
      graceEndsOn: '2026-11-30',
    });
  });

  it('derives the start from the first job a member took while enrolled, across a renewal of the case', async () => {
    const householdId = await registeredEarner(ABOVE, '2024-03-01');
    await recordCase(householdId, { status: 'TERMINATED', startedOn: '2022-01-01', endedOn: '2024-05-31' });
    await recordCase(householdId, { status: 'ACTIVE', startedOn: '2024-06-01' });

    const within = await assessHousehold(pool, householdId, '2025-06-30');
    expect(within.flags).toEqual([]);
    expect(appliedRule(within, 'GRACE_PERIOD')?.figures).toMatchObject({
      source: 'EMPLOYMENT',
      enrolledSince: '2022-01-01',
      graceStartedOn: '2024-03-01',
      graceEndsOn: '2025-08-31',
    });
    expect((await assessHousehold(pool, householdId, '2025-08-31')).flags).toEqual(['GRACE_PERIOD_ENDING']);
    expect((await assessHousehold(pool, householdId, '2025-09-01')).flags).toEqual(['INCOME_ABOVE_STANDARD']);
  });

  it('gives no grace for a job taken while the household was not enrolled', async () => {
    const householdId = await registeredEarner(ABOVE, '2024-05-01');
    await recordCase(householdId, { status: 'TERMINATED', startedOn: '2022-01-01', endedOn: '2024-03-31' });
    await recordCase(householdId, { status: 'ACTIVE', startedOn: '2024-06-01' });

    const result = await assessHousehold(pool, householdId, '2025-06-30');
    expect(result.flags).toEqual(['INCOME_ABOVE_STANDARD']);
    expect(appliedRule(result, 'GRACE_PERIOD')).toBeUndefined();
  });

  it('gives a grace period derived from a job the months of the version in force the day the job began', async () => {
    const shortened = await createAssessmentWorld(hub.prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026 });
    const { user, password } = await createUser(hub.prisma, {
      role: 'VERIFICATION_OFFICER',
      departmentId: shortened.civilAffairs.id,
    });
    const shortenedOfficer = await hub.logIn(user.username, password);
    // 2025 gave 18 months; the 2026 version gives 6. A job of June 2025 keeps the 18 months it was given.
    await hub.prisma.assistanceStandard.updateMany({
      where: { regionCode: shortened.regions.county.code, year: 2026 },
      data: { gracePeriodMonths: 6 },
    });
    await hub.prisma.assistanceStandard.create({
      data: {
        regionCode: shortened.regions.county.code,
        year: 2025,
        effectiveFrom: day('2025-01-01'),
        areaType: 'URBAN',
        minimumLivingMonthlyFen: STANDARD,
        gracePeriodMonths: 18,
      },
    });
    const householdId = await registeredEarner(ABOVE, '2025-06-01', shortened, shortenedOfficer);
    await recordCase(householdId, { status: 'ACTIVE', startedOn: '2023-01-01' }, shortenedOfficer);
    const result = await assessHousehold(pool, householdId, '2026-10-31');
    expect(result.flags).toEqual(['GRACE_PERIOD_ENDING']);
    expect(appliedRule(result, 'GRACE_PERIOD')).toMatchObject({
      holds: true,
      figures: { source: 'EMPLOYMENT', graceStartedOn: '2025-06-01', graceEndsOn: '2026-11-30' },
    });
    expect((await assessHousehold(pool, householdId, '2026-12-01')).flags).toEqual(['INCOME_ABOVE_STANDARD']);
  });

  it('gives the grace months of the policy version in force on the day the grace period began', async () => {
    const revised = await createAssessmentWorld(hub.prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026 });
    const { user, password } = await createUser(hub.prisma, {
      role: 'VERIFICATION_OFFICER',
      departmentId: revised.civilAffairs.id,
    });
    const revisedOfficer = await hub.logIn(user.username, password);
    for (const [effectiveFrom, gracePeriodMonths] of [
      ['2025-01-01', 18],
      ['2025-07-01', 12],
    ] as const) {
      await hub.prisma.assistanceStandard.create({
        data: {
          regionCode: revised.regions.county.code,
          year: 2025,
          effectiveFrom: day(effectiveFrom),
          areaType: 'URBAN',
          minimumLivingMonthlyFen: STANDARD,
          gracePeriodMonths,
        },
      });
    }
    for (const [startedOn, endsOn] of [
      ['2025-03-01', '2026-08-31'],
      ['2025-08-01', '2026-07-31'],
    ]) {
      const householdId = await registeredEarner(ABOVE, '2025-01-01', revised, revisedOfficer);
      const recorded = await recordCase(
        householdId,
        { status: 'GRACE_PERIOD', startedOn: '2023-01-01', gracePeriodStartedOn: startedOn },
        revisedOfficer,
      );
      expect(recorded.recordAssistanceCase.gracePeriodEndsOn).toBe(endsOn);
      const result = await assessHousehold(pool, householdId, '2026-07-15');
      expect(appliedRule(result, 'GRACE_PERIOD')?.figures).toMatchObject({ graceEndsOn: endsOn });
    }
  });
});
