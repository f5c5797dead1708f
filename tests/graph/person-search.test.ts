import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold, createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber, uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const SEARCH = `query Search($name: String, $idNumber: String, $regionCode: String, $first: Int, $after: String) {
  persons(name: $name, idNumber: $idNumber, regionCode: $regionCode, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id idNumber name } }
  }
}`;

interface Page {
  persons: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; idNumber: string | null; name: string | null } }[];
  } | null;
}

let regions: Awaited<ReturnType<typeof createRegionTree>>;
let surname: string;
let here: Awaited<ReturnType<typeof createHousehold>>;
let elsewhere: Awaited<ReturnType<typeof createHousehold>>;
const tokens = { officer: '', cityOfficer: '', auditor: '', partner: '' };
let civilAffairsId: string;
let housingId: string;

const search = (token: string, variables: Record<string, unknown>, purpose = 'MINIMUM_LIVING_GUARANTEE') =>
  hub.graphql<Page>(SEARCH, { token, purpose, variables });
const namesOf = (answer: { data?: Page | null }) => answer.data?.persons?.edges.map((edge) => edge.node.name) ?? [];

function wrongCheckCharacter(): string {
  const { idNumber } = uniqueIdNumber();
  return idNumber.slice(0, 17) + (idNumber.endsWith('1') ? '2' : '1');
}

async function userOf(role: 'VERIFICATION_OFFICER' | 'AUDITOR', departmentId: string) {
  const { user, password } = await createUser(hub.prisma, { role, departmentId });
  return hub.logIn(user.username, password);
}

beforeAll(async () => {
  regions = await createRegionTree(hub.prisma);
  surname = `查${uniqueNumber()}`;
  here = await createHousehold(hub.prisma, { regionCode: regions.township.code });
  elsewhere = await createHousehold(hub.prisma, { regionCode: regions.otherCounty.code });
  // Three namesakes-to-be of the county, one of the other county, and one with no household at all.
  for (const [member, suffix] of [
    [here.head, '甲'],
    [here.spouse, '乙'],
    [here.child, '丙'],
    [elsewhere.head, '丁'],
  ] as const) {
    await hub.prisma.person.update({ where: { id: member.id }, data: { name: `${surname}${suffix}` } });
  }
  const countyCivilAffairs = await createDepartment(hub.prisma, {
    kind: 'CIVIL_AFFAIRS',
    regionCode: regions.county.code,
  });
  civilAffairsId = countyCivilAffairs.id;
  tokens.officer = await userOf('VERIFICATION_OFFICER', countyCivilAffairs.id);
  tokens.auditor = await userOf('AUDITOR', countyCivilAffairs.id);
  const cityCivilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.city.code });
  tokens.cityOfficer = await userOf('VERIFICATION_OFFICER', cityCivilAffairs.id);
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: regions.city.code });
  housingId = housing.id;
  await createAgreement(hub.prisma, {
    consumerDepartmentId: housing.id,
    providerDepartmentId: cityCivilAffairs.id,
    purposes: ['HOUSING_SUBSIDY'],
    items: { PERSON_IDENTITY: 'MASKED' },
  });
  tokens.partner = await createPartnerToken(hub.prisma, housing.id);
});

describe('persons(name:, idNumber:, regionCode:)', () => {
  it('finds the person with an identity number', async () => {
    const answer = await search(tokens.officer, { idNumber: here.spouse.idNumber });
    expect(answer.errors).toBeUndefined();
    expect(namesOf(answer)).toEqual([`${surname}乙`]);
  });

  it('finds the persons whose name begins with the name given, within reach, in pages', async () => {
    const first = await search(tokens.officer, { name: surname, first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.persons?.pageInfo.hasNextPage).toBe(true);
    const rest = await search(tokens.officer, {
      name: surname,
      first: 2,
      after: first.data?.persons?.pageInfo.endCursor,
    });
    expect(rest.data?.persons?.pageInfo.hasNextPage).toBe(false);
    const names = [...namesOf(first), ...namesOf(rest)];
    expect(names.sort()).toEqual([`${surname}丙`, `${surname}乙`, `${surname}甲`]);
  });

  it('finds a whole name exactly', async () => {
    expect(namesOf(await search(tokens.officer, { name: `${surname}甲` }))).toEqual([`${surname}甲`]);
  });

  it('reaches every county below the city for the city bureau, and narrows to a region when asked', async () => {
    expect(namesOf(await search(tokens.cityOfficer, { name: surname })).sort()).toHaveLength(4);
    const narrowed = await search(tokens.cityOfficer, { name: surname, regionCode: regions.otherCounty.code });
    expect(namesOf(narrowed)).toEqual([`${surname}丁`]);
  });

  it('answers for a person of another county exactly as for a person the hub does not know', async () => {
    const other = await search(tokens.officer, { idNumber: elsewhere.head.idNumber });
    const unknown = await search(tokens.officer, { idNumber: uniqueIdNumber().idNumber });
    expect(other.data).toEqual({ persons: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } });
    expect(other.data).toEqual(unknown.data);
  });

  it('places a person without a household by the region of their identity number', async () => {
    const { idNumber } = uniqueIdNumber({ regionCode: regions.county.code });
    const loner = await createPerson(hub.prisma, { name: `${surname}戊` });
    await hub.prisma.person.update({ where: { id: loner.id }, data: { idNumber } });
    const outsider = await createPerson(hub.prisma, { name: `${surname}己` }); // born in 640104, not this county
    const names = namesOf(await search(tokens.officer, { name: surname }));
    expect(names).toContain(`${surname}戊`);
    expect(names).not.toContain(`${surname}己`);
    await hub.prisma.person.deleteMany({ where: { id: { in: [loner.id, outsider.id] } } });
  });

  it.each([
    ['neither a name nor an identity number', {}, 'BLANK_VALUE'],
    ['a blank name', { name: '  ' }, 'BLANK_VALUE'],
    ['a one-character name', { name: '查' }, 'OUT_OF_RANGE'],
    ['an identity number that fails its check', { idNumber: wrongCheckCharacter() }, 'INVALID_ID_NUMBER'],
    ['more than 50 a page', { idNumber: uniqueIdNumber().idNumber, first: 51 }, 'OUT_OF_RANGE'],
    ['an unknown region', { name: 'ab', regionCode: '999999999995' }, 'UNKNOWN_REGION'],
  ])('refuses %s with BAD_USER_INPUT', async (_, variables, reason) => {
    const answer = await search(tokens.officer, variables);
    expect(answer.data).toEqual({ persons: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('needs a declared purpose', async () => {
    const answer = await hub.graphql(SEARCH, { token: tokens.officer, variables: { idNumber: here.head.idNumber } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PURPOSE_REQUIRED' });
  });

  it('is refused to an auditor with FORBIDDEN', async () => {
    const answer = await search(tokens.auditor, { idNumber: here.head.idNumber });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('leaves one audit entry for each person it shows, and none for the one beyond the page', async () => {
    const answer = await search(tokens.officer, { name: surname, first: 2 });
    const requestId = answer.headers.get('x-request-id') ?? '';
    const entries = await hub.prisma.auditEntry.findMany({ where: { requestId } });
    const shown = answer.data?.persons?.edges.map((edge) => edge.node.id) ?? [];
    expect(shown).toHaveLength(2);
    expect(entries.map((entry) => entry.subjectPersonId).sort()).toEqual([...shown].sort());
    for (const entry of entries) {
      expect(entry).toMatchObject({
        operation: 'Search',
        departmentId: civilAffairsId,
        itemsDisclosed: ['PERSON_IDENTITY'],
        decision: 'ALLOWED',
      });
    }
  });
});

describe('persons for a partner holding names only MASKED', () => {
  it('refuses a name search, naming the data item, and audits the refusal', async () => {
    const answer = await search(tokens.partner, { name: surname }, 'HOUSING_SUBSIDY');
    expect(answer.data).toEqual({ persons: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      dataItem: 'PERSON_IDENTITY',
      reason: 'INSUFFICIENT_ACCESS_LEVEL',
    });
    const entries = await hub.prisma.auditEntry.findMany({
      where: { requestId: answer.headers.get('x-request-id') ?? '' },
    });
    expect(entries).toMatchObject([
      { departmentId: housingId, subjectPersonId: null, itemsDenied: ['PERSON_IDENTITY'], decision: 'DENIED' },
    ]);
  });

  it('masks the name, denies a field it holds no agreement for, and audits both', async () => {
    const answer = await hub.graphql<{
      persons: { edges: { node: { idNumber: string; name: string; relation: string | null } }[] };
    }>(
      `query ($idNumber: String) {
        persons(idNumber: $idNumber) { edges { node { idNumber name relation } } }
      }`,
      { token: tokens.partner, purpose: 'HOUSING_SUBSIDY', variables: { idNumber: here.head.idNumber } },
    );
    const node = answer.data?.persons.edges[0]?.node;
    expect(node?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(node?.name).toBe(`${surname.slice(0, 1)}${'*'.repeat(surname.length)}`);
    expect(node?.relation).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({
      path: ['persons', 'edges', 0, 'node', 'relation'],
      extensions: { code: 'FORBIDDEN', dataItem: 'HOUSEHOLD_COMPOSITION', reason: 'NO_AGREEMENT' },
    });
    const entries = await hub.prisma.auditEntry.findMany({
      where: { requestId: answer.headers.get('x-request-id') ?? '' },
    });
    expect(entries).toMatchObject([
      {
        subjectPersonId: here.head.id,
        departmentId: housingId,
        purpose: 'HOUSING_SUBSIDY',
        itemsDisclosed: ['PERSON_IDENTITY'],
        itemsDenied: ['HOUSEHOLD_COMPOSITION'],
        decision: 'PARTIAL',
      },
    ]);
  });
});
