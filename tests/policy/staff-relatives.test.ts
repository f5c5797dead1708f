import { createPrismaClient, type Relation } from '@hub/prisma';
import { REGISTER_CLOSE_RELATIVES } from '@hub/server/comparisons/register-close-relatives';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessHousehold, createAssessmentWorld, day, from } from '../factories/assessed-households.ts';
import { createPerson } from '../factories/households.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// 近亲属备案 (tieling-2021 四(六)): a household on assistance with a civil-affairs staff member or a close relative
// of one is flagged until the staff member files the relation. Close relatives as domain.md lists them, each as far
// as hukou, marriage and register data show it; the evidence names the tie (facts.kin).

const AS_OF = '2026-10-31';
let pool: pg.Pool;
let prisma: ReturnType<typeof createPrismaClient>;
let world: Awaited<ReturnType<typeof createAssessmentWorld>>;

beforeAll(async () => {
  const database = await createTestDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 2 });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  world = await createAssessmentWorld(prisma, { minimumLivingMonthlyFen: 80_000, year: 2026 });
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

/** A person on the staff roster, on a hukou booklet of their own unless one is given. */
async function staffMember(hukouNumber = `H${uniqueNumber()}`) {
  const person = await createPerson(prisma, { birthYear: 1975 });
  await prisma.hukouRecord.create({
    data: {
      ...from(world.snapshots, 'HUKOU', person.id),
      status: 'ACTIVE',
      registeredRegionCode: '640104',
      hukouNumber,
    },
  });
  await prisma.staffMember.create({
    data: {
      personId: person.id,
      role: 'CIVIL_AFFAIRS_STAFF',
      position: '社区低保专干',
      regionCode: world.regions.county.code,
      departmentId: world.civilAffairs.id,
      snapshotId: world.roster.id,
      asOf: world.roster.asOf,
    },
  });
  return person;
}

async function married(personId: string, spouse: { idNumber: string; name: string }) {
  await prisma.marriageRegistration.create({
    data: {
      ...from(world.snapshots, 'MARRIAGE', personId),
      event: 'MARRIAGE',
      spouseIdNumber: spouse.idNumber,
      spouseName: spouse.name,
      registeredOn: day('2005-05-01'),
    },
  });
}

/** The ties (facts.kin) behind the household's UNFILED_STAFF_RELATIVE flag, and its flags. */
async function staffTies(householdId: string) {
  const result = await assessHousehold(pool, householdId, AS_OF);
  const { rows } = await pool.query<{ findings: { flag: string; evidence: { facts: { kin?: string } }[] }[] }>(
    'SELECT findings FROM household_assessments WHERE household_id = $1 ORDER BY assessed_at DESC LIMIT 1',
    [householdId],
  );
  const finding = rows[0]?.findings.find((found) => found.flag === 'UNFILED_STAFF_RELATIVE');
  return { flags: result.flags, ties: [...new Set(finding?.evidence.map((evidence) => evidence.facts.kin))].sort() };
}

describe('staff relatives from hukou and marriage data', () => {
  it('flags a household with the staff member in it (本人)', async () => {
    const made = await world.household({ members: 1 });
    const staff = await staffMember();
    await prisma.person.update({
      where: { id: staff.id },
      data: { householdId: made.household.id, relation: 'SPOUSE' },
    });
    expect(await staffTies(made.household.id)).toMatchObject({ ties: expect.arrayContaining(['SELF']) });
  });

  it('flags a relative on the staff member’s hukou booklet (parents, siblings, children, grandparents, grandchildren, uncles and aunts living together)', async () => {
    const made = await world.household({ members: 1 });
    await staffMember(made.hukouNumber);
    expect(await staffTies(made.household.id)).toEqual({
      flags: ['UNFILED_STAFF_RELATIVE'],
      ties: ['SAME_HUKOU_BOOKLET'],
    });
  });

  it('flags the staff member’s spouse on the spouse’s marriage record', async () => {
    const made = await world.household({ members: 1 });
    const staff = await staffMember();
    await married(made.head.id, staff);
    expect(await staffTies(made.household.id)).toEqual({ flags: ['UNFILED_STAFF_RELATIVE'], ties: ['SPOUSE'] });
  });

  it('flags the staff member’s spouse on the staff member’s own marriage record alone', async () => {
    const made = await world.household({ members: 1 });
    const staff = await staffMember();
    await married(staff.id, made.head);
    expect((await staffTies(made.household.id)).ties).toContain('SPOUSE');
  });

  it('flags the spouse’s parents and siblings: a recipient on the hukou booklet of the staff member’s spouse', async () => {
    const made = await world.household({ members: 2, birthYears: [1950, 1978] });
    const staff = await staffMember();
    await married(staff.id, made.members[1] as { idNumber: string; name: string });
    await prisma.assistanceCase.updateMany({
      where: { householdId: made.household.id },
      data: { singlePersonId: made.head.id },
    });
    expect(await staffTies(made.household.id)).toEqual({
      flags: ['UNFILED_STAFF_RELATIVE'],
      ties: ['SPOUSE_HUKOU_BOOKLET'],
    });
  });

  it('flags a child’s spouse: a recipient married to someone on the staff member’s hukou booklet', async () => {
    const made = await world.household({ members: 1 });
    const child = await createPerson(prisma, { birthYear: 2000 });
    const staff = await staffMember();
    const booklet = await prisma.hukouRecord.findFirstOrThrow({ where: { personId: staff.id } });
    await prisma.hukouRecord.create({
      data: {
        ...from(world.snapshots, 'HUKOU', child.id),
        status: 'ACTIVE',
        registeredRegionCode: '640104',
        hukouNumber: booklet.hukouNumber,
      },
    });
    await married(made.head.id, child);
    expect(await staffTies(made.household.id)).toEqual({
      flags: ['UNFILED_STAFF_RELATIVE'],
      ties: ['SPOUSE_OF_HUKOU_BOOKLET_MEMBER'],
    });
  });

  it('flags nobody unrelated, and nobody once the staff member has filed the relation', async () => {
    const unrelated = await world.household({ members: 1 });
    await staffMember();
    expect(await staffTies(unrelated.household.id)).toEqual({ flags: [], ties: [] });

    const made = await world.household({ members: 1 });
    const staff = await staffMember(made.hukouNumber);
    await prisma.staffRelativeFiling.create({
      data: {
        staffPersonId: staff.id,
        relativePersonId: made.head.id,
        relation: 'PARENT',
        filedOn: day('2026-01-05'),
        departmentId: world.civilAffairs.id,
        snapshotId: world.filings.id,
        asOf: world.filings.asOf,
      },
    });
    expect((await staffTies(made.household.id)).flags).toEqual([]);
  });
});

describe('staff relatives from the register’s households, past memberships included', () => {
  /**
   * The recipient (relation `memberRelation` to the head) lives in a household the staff member left in 2015, where
   * the staff member's relation to the head was `staffRelation`.
   */
  async function formerHousemates(staffRelation: Relation, memberRelation: Relation) {
    const made = await world.household({ members: 1 });
    await prisma.person.update({ where: { id: made.head.id }, data: { relation: memberRelation } });
    const staff = await staffMember();
    await prisma.householdMembership.create({
      data: {
        householdId: made.household.id,
        personId: staff.id,
        relation: staffRelation,
        validFrom: day('1990-01-01'),
        validTo: day('2015-01-01'),
      },
    });
    return staffTies(made.household.id);
  }

  it.each(REGISTER_CLOSE_RELATIVES.map(([staff, member, kin]) => [kin, staff, member] as const))(
    'flags the staff member’s %s: the staff member %s, the recipient %s of the head',
    async (kin, staff, member) => {
      expect(await formerHousemates(staff, member)).toEqual({ flags: ['UNFILED_STAFF_RELATIVE'], ties: [kin] });
    },
  );

  it.each([
    ['a sibling’s spouse', 'SIBLING', 'SPOUSE'],
    ['a nephew or niece', 'SIBLING', 'CHILD'],
    ['someone else in the household', 'OTHER', 'HEAD'],
  ] as const)('does not flag %s, who is not on the list', async (_who, staff, member) => {
    expect(await formerHousemates(staff, member)).toEqual({ flags: [], ties: [] });
  });
});
