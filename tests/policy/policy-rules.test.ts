import { createPrismaClient, type Prisma } from '@hub/prisma';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedRule, assessHousehold, createAssessmentWorld, day, from } from '../factories/assessed-households.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Every rule of the policy data both ways, assessed as of 2026-10-31 against a standard of ¥800 a month.

const AS_OF = '2026-10-31';
const STANDARD = 80_000;
let pool: pg.Pool;
let prisma: ReturnType<typeof createPrismaClient>;
type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
let plain: World;

const world = (policy: Partial<Prisma.AssistanceStandardUncheckedCreateInput> = {}) =>
  createAssessmentWorld(prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026, policy });

beforeAll(async () => {
  const database = await createTestDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 2 });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  plain = await world();
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

describe('policy rules', () => {
  it('deducts the employment cost from each wage', async () => {
    const deducting = await world({ employmentCostDeductionFen: 10_000 });
    for (const [on, flags] of [
      [deducting, []],
      [plain, ['INCOME_ABOVE_STANDARD']],
    ] as const) {
      const made = await on.household({ members: 1, birthYears: [1980] });
      await on.wage(made.head.id, STANDARD + 9_999);
      expect((await assessHousehold(pool, made.household.id, AS_OF)).flags).toEqual(flags);
    }
  });

  it('leaves out income of an excluded kind, and counts it when not excluded', async () => {
    const excluding = await world({ excludedIncomeKinds: ['UNEMPLOYMENT_BENEFIT'] });
    for (const [on, flags] of [
      [excluding, []],
      [plain, ['INCOME_ABOVE_STANDARD']],
    ] as const) {
      const made = await on.household({ members: 1, birthYears: [1980] });
      await prisma.unemploymentBenefitRecord.create({
        data: {
          ...from(on.snapshots, 'UNEMPLOYMENT_BENEFIT', made.head.id),
          monthlyAmountFen: STANDARD + 5_000,
          startedOn: day('2026-01-01'),
          endsOn: day('2027-12-31'),
        },
      });
      const result = await assessHousehold(pool, made.household.id, AS_OF);
      expect(result.flags).toEqual(flags);
      expect(appliedRule(result, 'INCOME_EXCLUSIONS')?.holds).toBe(flags.length > 0);
    }
  });

  it('deducts declared rigid expenditure, and nothing when none is declared', async () => {
    const declared = await plain.household({ members: 1, birthYears: [1980] });
    const undeclared = await plain.household({ members: 1, birthYears: [1980] });
    for (const made of [declared, undeclared]) await plain.wage(made.head.id, STANDARD + 10_000);
    await prisma.application.create({
      data: {
        householdId: declared.household.id,
        kind: 'MINIMUM_LIVING_GUARANTEE',
        status: 'SUBMITTED',
        submittedOn: day('2026-10-01'),
        medicalExpenseMonthlyFen: 10_001,
      },
    });
    const result = await assessHousehold(pool, declared.household.id, AS_OF);
    expect(result).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [] });
    expect(appliedRule(result, 'RIGID_EXPENDITURE')).toMatchObject({
      holds: true,
      figures: { rigidExpenditureFen: 10_001 },
    });
    expect((await assessHousehold(pool, undeclared.household.id, AS_OF)).flags).toEqual(['INCOME_ABOVE_STANDARD']);
  });

  it('assesses the member of a 单人户 case alone, and the whole household otherwise', async () => {
    const alone = await plain.household({ members: 2, birthYears: [1980, 1982], singlePerson: 0 });
    const whole = await plain.household({ members: 2, birthYears: [1980, 1982] });
    for (const made of [alone, whole]) await plain.wage(made.members[1]?.id as string, 3 * STANDARD);
    expect(await assessHousehold(pool, alone.household.id, AS_OF)).toMatchObject({
      classification: 'MINIMUM_LIVING',
      counted_members: 1,
      flags: [],
      monthly_benefit_fen: String(STANDARD),
    });
    expect(await assessHousehold(pool, whole.household.id, AS_OF)).toMatchObject({
      counted_members: 2,
      flags: ['INCOME_ABOVE_STANDARD'],
    });
  });

  it('assesses alone the member an application of a household not enrolled asks to enrol alone (单人户)', async () => {
    async function applying(singlePerson: boolean) {
      const made = await plain.household({ members: 2, birthYears: [1980, 2010], caseStatus: 'TERMINATED' });
      await plain.wage(made.head.id, 3 * STANDARD);
      await prisma.application.create({
        data: {
          householdId: made.household.id,
          kind: 'MINIMUM_LIVING_GUARANTEE',
          status: 'SUBMITTED',
          submittedOn: day('2026-10-01'),
          singlePersonId: singlePerson ? (made.members[1]?.id ?? null) : null,
        },
      });
      return assessHousehold(pool, made.household.id, AS_OF);
    }
    const alone = await applying(true);
    expect(alone).toMatchObject({ classification: 'MINIMUM_LIVING', counted_members: 1, monthly_benefit_fen: '80000' });
    expect(appliedRule(alone, 'SINGLE_PERSON_ENROLMENT')).toMatchObject({
      holds: true,
      figures: { source: 'APPLICATION', members: 1 },
    });
    const whole = await applying(false);
    expect(whole).toMatchObject({ classification: 'ABOVE_LINE', counted_members: 2, flags: ['INCOME_ABOVE_STANDARD'] });
    expect(appliedRule(whole, 'SINGLE_PERSON_ENROLMENT')).toBeUndefined();
  });

  it('holds the income flag back within the grace period, warns in its last month, flags after it', async () => {
    async function jobStarted(startedOn: string) {
      const made = await plain.household({ members: 1, birthYears: [1980], caseStartedOn: '2024-06-01' });
      await plain.wage(made.head.id, STANDARD + 20_000, plain.snapshots.EMPLOYMENT, startedOn);
      return assessHousehold(pool, made.household.id, AS_OF);
    }
    const within = await jobStarted('2026-01-01');
    expect(within).toMatchObject({ flags: [], monthly_benefit_fen: '10000' });
    expect(appliedRule(within, 'GRACE_PERIOD')).toMatchObject({ holds: true, figures: { graceEndsOn: '2027-06-30' } });
    expect((await jobStarted('2025-05-15')).flags).toEqual(['GRACE_PERIOD_ENDING']);
    expect((await jobStarted('2025-04-01')).flags).toEqual(['INCOME_ABOVE_STANDARD']);
    // A job that leaves the income within the line holds nothing back: the benefit is the gap, not the case's amount.
    const made = await plain.household({ members: 1, birthYears: [1980], caseStartedOn: '2024-06-01' });
    await plain.wage(made.head.id, STANDARD - 30_000, plain.snapshots.EMPLOYMENT, '2026-01-01');
    const below = await assessHousehold(pool, made.household.id, AS_OF);
    expect(below).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [], monthly_benefit_fen: '30000' });
    expect(appliedRule(below, 'BENEFIT_AMOUNT')?.figures).toMatchObject({ method: 'GAP' });
    // A job held since before the case is no new employment: no grace.
    expect((await jobStarted('2024-01-01')).flags).toEqual(['INCOME_ABOVE_STANDARD']);
  });

  it('tells a business with no income from one with income', async () => {
    async function business(monthlyIncomeFen: number | null) {
      const made = await plain.household({ members: 1, birthYears: [1980] });
      await prisma.businessRegistration.create({
        data: {
          ...from(plain.snapshots, 'BUSINESS_REGISTRATION', made.head.id),
          creditCode: '92640100MA76543210',
          enterpriseName: `个体户${uniqueNumber()}`,
          role: 'SOLE_TRADER',
          status: 'ACTIVE',
          registeredOn: day('2020-01-01'),
          registeredCapitalFen: 1_000_000n,
          monthlyIncomeFen,
        },
      });
      return assessHousehold(pool, made.household.id, AS_OF);
    }
    expect(await business(0)).toMatchObject({ classification: 'MINIMUM_LIVING', flags: ['BUSINESS_WITHOUT_INCOME'] });
    expect(await business(null)).toMatchObject({ classification: 'ABOVE_LINE', flags: ['BUSINESS_REGISTERED'] });
  });

  it('pays the gap with the minimum and the extras, or by tier', async () => {
    const gap = await plain.household({ members: 2, birthYears: [1980, 1982] });
    await plain.wage(gap.head.id, 2 * STANDARD - 10_000);
    expect((await assessHousehold(pool, gap.household.id, AS_OF)).monthly_benefit_fen).toBe('10000');

    const generous = await world({ minimumBenefitFen: 20_000, oldAgeExtraFen: 3_000, oldAgeExtraFromAge: 80 });
    const old = await generous.household({ members: 2, birthYears: [1940, 1982] });
    await generous.wage(old.members[1]?.id as string, 2 * STANDARD - 10_000);
    expect((await assessHousehold(pool, old.household.id, AS_OF)).monthly_benefit_fen).toBe('23000');

    const tiers = [
      { perCapitaIncomeBelowFen: 40_000, monthlyPerMemberFen: 60_000 },
      { perCapitaIncomeBelowFen: 80_000, monthlyPerMemberFen: 30_000 },
    ];
    const tiered = await world({ benefitMethod: 'TIERS', benefitTiers: tiers });
    const made = await tiered.household({ members: 2, birthYears: [1980, 1982] });
    await tiered.wage(made.head.id, 2 * 50_000);
    const result = await assessHousehold(pool, made.household.id, AS_OF);
    expect(result.monthly_benefit_fen).toBe('60000');
    expect(appliedRule(result, 'BENEFIT_AMOUNT')?.figures).toMatchObject({ method: 'TIERS' });
  });

  it('computes temporary assistance from the urban standard for a request of that kind', async () => {
    const made = await plain.household({ members: 2, birthYears: [1980, 1982], caseStatus: 'TERMINATED' });
    await prisma.application.create({
      data: {
        householdId: made.household.id,
        kind: 'TEMPORARY_ASSISTANCE',
        status: 'SUBMITTED',
        submittedOn: day('2026-10-01'),
      },
    });
    const result = await assessHousehold(pool, made.household.id, AS_OF);
    expect(appliedRule(result, 'TEMPORARY_ASSISTANCE')).toMatchObject({
      citation: { document: 'yinchuan-2021-assistance-and-rural-revitalisation.txt', paragraph: '二(七)' },
      figures: { emergencyFen: 2 * 2 * STANDARD, expenditureFen: 2 * 3 * STANDARD, individualFen: 1.5 * STANDARD },
    });
    expect(appliedRule(result, 'TEMPORARY_ASSISTANCE')?.figures).toMatchObject({
      requestedType: null,
      amountFen: null,
    });
    for (const [temporaryAssistanceType, amountFen] of [
      ['EMERGENCY', 2 * 2 * STANDARD],
      ['EXPENDITURE', 2 * 3 * STANDARD],
      ['INDIVIDUAL', 1.5 * STANDARD],
    ] as const) {
      const asking = await plain.household({ members: 2, birthYears: [1980, 1982], caseStatus: 'TERMINATED' });
      await prisma.application.create({
        data: {
          householdId: asking.household.id,
          kind: 'TEMPORARY_ASSISTANCE',
          temporaryAssistanceType,
          status: 'SUBMITTED',
          submittedOn: day('2026-10-01'),
        },
      });
      const asked = await assessHousehold(pool, asking.household.id, AS_OF);
      expect(appliedRule(asked, 'TEMPORARY_ASSISTANCE')?.figures).toMatchObject({
        requestedType: temporaryAssistanceType,
        amountFen,
      });
    }
    const other = await plain.household({ members: 1, birthYears: [1980] });
    expect(appliedRule(await assessHousehold(pool, other.household.id, AS_OF), 'TEMPORARY_ASSISTANCE')).toBeUndefined();
  });
});
