import { createPrismaClient, type Purpose } from '@hub/prisma';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentWorld, day, from } from '../factories/assessed-households.ts';
import { createDepartment } from '../factories/departments.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// 低收入人口动态监测 (POPULATION_MONITORING) over hand-made households of one township, enrolled or not, as of
// 2026-10-31 against a standard of ¥800 a month (低收入 below ¥1,200): which households it finds, and that it reads a
// consent-bound record of a household that signed nothing only under an authorisation for its purpose on that day.

const AS_OF = '2026-10-31';
const STANDARD = 80_000;
let pool: pg.Pool;
let prisma: ReturnType<typeof createPrismaClient>;
let world: Awaited<ReturnType<typeof createAssessmentWorld>>;
let starterDepartmentId: string;
let otherDepartmentId: string;

interface Result {
  classification: string | null;
  flags: string[];
  monthly_income_fen: string;
  findings: { flag: string; evidence: { dataset: string; facts: Record<string, unknown> }[] }[];
}

const households: Record<string, string> = {};
const results = new Map<string, Result>();
let cohortSize = 0;

async function authorise(
  personId: string,
  consent: { purposes?: Purpose[]; departmentId?: string | null; signedOn?: string; expiresOn?: string } = {},
) {
  await prisma.consent.create({
    data: {
      personId,
      purposes: consent.purposes ?? ['LOW_INCOME_RECOGNITION'],
      departmentId: consent.departmentId ?? null,
      signedOn: day(consent.signedOn ?? '2026-01-01'),
      expiresOn: day(consent.expiresOn ?? '2099-12-31'),
      documentReference: '核对授权书',
    },
  });
}

/** A household neither enrolled nor applying whose head earns `wageFen` a month, each member authorised as given. */
async function unenrolled(
  name: string,
  wageFen: number,
  options: { members?: number; authorised?: boolean[]; consent?: Parameters<typeof authorise>[1] } = {},
) {
  const made = await world.household({ members: options.members ?? 1, enrolled: false });
  await world.wage(made.head.id, wageFen);
  for (const [index, member] of made.members.entries()) {
    if (options.authorised?.[index] ?? false) await authorise(member.id, options.consent);
  }
  households[name] = made.household.id;
  return made;
}

beforeAll(async () => {
  const database = await createTestDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 2 });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  world = await createAssessmentWorld(prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026 });
  starterDepartmentId = world.civilAffairs.id;
  otherDepartmentId = (await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: world.regions.city.code }))
    .id;
  const officer = await createUser(prisma, { role: 'VERIFICATION_OFFICER', departmentId: starterDepartmentId });

  await unenrolled('poorAuthorised', 50_000, { authorised: [true] });
  await unenrolled('bandAuthorised', 100_000, { authorised: [true] });
  await unenrolled('richAuthorised', 500_000, { authorised: [true] });
  // Wages of ¥500 would put these within the line, but nobody authorised the hub to read them (or not validly).
  await unenrolled('poorUnauthorised', 50_000);
  await unenrolled('consentForOtherPurpose', 50_000, {
    authorised: [true],
    consent: { purposes: ['PERIODIC_REVIEW'] },
  });
  await unenrolled('consentForOtherDepartment', 50_000, {
    authorised: [true],
    consent: { departmentId: otherDepartmentId },
  });
  await unenrolled('consentForStarterDepartment', 50_000, {
    authorised: [true],
    consent: { departmentId: starterDepartmentId },
  });
  await unenrolled('consentExpired', 50_000, { authorised: [true], consent: { expiresOn: '2026-10-30' } });
  await unenrolled('consentNotYetSigned', 50_000, { authorised: [true], consent: { signedOn: '2026-11-01' } });
  // The head authorised and earns ¥500; the second member did not: the ¥9,000 wage on record for them stays unread.
  const partly = await unenrolled('partlyAuthorised', 50_000, { members: 2, authorised: [true, false] });
  await world.wage(partly.members[1]?.id as string, 900_000);
  // A pension is no consent-bound item: read without an authorisation, and enough to put the household above the lines.
  const pensioner = await unenrolled('pensionAboveLines', 0);
  await prisma.pensionRecord.create({
    data: {
      ...from(world.snapshots, 'PENSION', pensioner.head.id),
      pensionType: 'ENTERPRISE_EMPLOYEE',
      monthlyAmountFen: 400_000,
      startedOn: day('2020-01-01'),
    },
  });
  const applying = await unenrolled('applying', 50_000, { authorised: [true] });
  await prisma.application.create({
    data: {
      householdId: applying.household.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'SUBMITTED',
      submittedOn: day('2026-10-01'),
    },
  });
  const enrolled = await world.household({ members: 1 });
  await world.wage(enrolled.head.id, 50_000);
  households.enrolled = enrolled.household.id;
  const deceased = await unenrolled('deceased', 500_000, { members: 2, authorised: [true, true] });
  await prisma.cremationRecord.create({
    data: {
      ...from(world.snapshots, 'CREMATION', deceased.members[1]?.id as string),
      diedOn: day('2026-09-01'),
      crematedOn: day('2026-09-03'),
      funeralHome: '银川市殡仪馆',
    },
  });

  const run = await startComparisonRun(pool, {
    kind: 'POPULATION_MONITORING',
    regionCode: world.regions.county.code,
    asOf: AS_OF,
    chunkSize: 4,
    startedById: officer.user.id,
  });
  cohortSize = run.householdCount;
  await runComparison(pool, run.id);
  const { rows } = await pool.query<Result & { household_id: string }>(
    `SELECT household_id, classification::text, flags::text[] AS flags, monthly_income_fen, findings
       FROM household_assessments WHERE run_id = $1`,
    [run.id],
  );
  for (const row of rows) results.set(row.household_id, row);
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

const result = (name: string) => results.get(households[name] as string) as Result;
const unread = (name: string) =>
  result(name)
    .findings.flatMap((finding) => finding.evidence)
    .filter((evidence) => evidence.facts.missing === 'NOT_READ_WITHOUT_AUTHORISATION')
    .map((evidence) => evidence.dataset)
    .sort();

describe('POPULATION_MONITORING', () => {
  it('assesses every household of the region, enrolled or not', () => {
    expect(cohortSize).toBe(Object.keys(households).length);
    expect(results.size).toBe(cohortSize);
  });

  it('finds a household within the 低保 line on records it could all read (NEWLY_ELIGIBLE)', () => {
    expect(result('poorAuthorised')).toMatchObject({ classification: 'MINIMUM_LIVING', flags: ['NEWLY_ELIGIBLE'] });
    expect(result('consentForStarterDepartment').flags).toEqual(['NEWLY_ELIGIBLE']);
  });

  it('finds a household in the 低收入 band (AT_RISK), and none above the lines', () => {
    expect(result('bandAuthorised')).toMatchObject({ classification: 'LOW_INCOME', flags: ['AT_RISK'] });
    expect(result('richAuthorised')).toMatchObject({ classification: 'ABOVE_LINE', flags: [] });
  });

  it('reads no consent-bound record without an authorisation for its purpose, department and as-of day', () => {
    for (const name of [
      'poorUnauthorised',
      'consentForOtherPurpose',
      'consentForOtherDepartment',
      'consentExpired',
      'consentNotYetSigned',
    ]) {
      // The wage was not read, and what was read (nothing) calls no household eligible: no class, no flag.
      expect(result(name), name).toMatchObject({ classification: null, flags: [], monthly_income_fen: '0' });
    }
  });

  it('reads what needs no authorisation: a pension above the lines makes the household ABOVE_LINE', () => {
    expect(result('pensionAboveLines')).toMatchObject({
      classification: 'ABOVE_LINE',
      flags: [],
      monthly_income_fen: '400000',
    });
  });

  it('calls a partly authorised household AT_RISK, never NEWLY_ELIGIBLE, and names what it did not read', () => {
    expect(result('partlyAuthorised')).toMatchObject({
      classification: null,
      flags: ['AT_RISK'],
      monthly_income_fen: '50000',
    });
    expect(unread('partlyAuthorised')).toEqual(
      ['BANK_DEPOSIT', 'DISABILITY', 'EMPLOYMENT', 'HOUSING_FUND', 'REAL_ESTATE', 'VEHICLE', 'WEALTH_PRODUCT'].sort(),
    );
    expect(unread('poorAuthorised')).toEqual([]);
  });

  it('leaves enrolled and applying households to their own reviews', () => {
    expect(result('enrolled')).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [] });
    expect(result('applying').flags).toEqual([]);
  });

  it('finds a death in a household that is not enrolled', () => {
    expect(result('deceased').flags).toEqual(['DECEASED_MEMBER']);
  });
});

describe('DEATH_CHECK', () => {
  it('covers every household of the region, not only the enrolled', async () => {
    const run = await startComparisonRun(pool, {
      kind: 'DEATH_CHECK',
      regionCode: world.regions.county.code,
      asOf: AS_OF,
    });
    expect(run.householdCount).toBe(cohortSize);
    await runComparison(pool, run.id);
    const { rows } = await pool.query<{ household_id: string; flags: string[] }>(
      `SELECT household_id, flags::text[] AS flags FROM household_assessments WHERE run_id = $1 AND flags <> '{}'`,
      [run.id],
    );
    expect(rows).toEqual([{ household_id: households.deceased, flags: ['DECEASED_MEMBER'] }]);
    // It computes the whole assessment, but no more than monitoring reads the wage of someone who never consented.
    const unauthorised = await pool.query<{ classification: string | null; monthly_income_fen: string }>(
      'SELECT classification::text, monthly_income_fen FROM household_assessments WHERE run_id = $1 AND household_id = $2',
      [run.id, households.poorUnauthorised],
    );
    expect(unauthorised.rows).toEqual([{ classification: null, monthly_income_fen: '0' }]);
  });
});
