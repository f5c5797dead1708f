import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const FIELDS = `id personIdNumber purposes department { id } signedOn expiresOn documentReference withdrawnAt
  recordedBy { username } createdAt`;
const RECORD = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { ${FIELDS} } }`;
const CONSENTS = `query ($idNumber: String!) { consents(personIdNumber: $idNumber) { ${FIELDS} } }`;
const WITHDRAW = 'mutation ($id: ID!) { withdrawConsent(id: $id) { id withdrawnAt } }';

const tokens: Record<string, string> = {};
const usernames: Record<string, string> = {};
let housingId: string;
// The officers' own region: a person elsewhere is outside their reach (tests/access/entry-points.test.ts).
let householdId: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  housingId = (await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: region.code })).id;
  householdId = (
    await hub.prisma.household.create({ data: { regionCode: region.code, areaType: 'URBAN', address: '兴庆区' } })
  ).id;
  for (const role of ['ADMIN', 'VERIFICATION_OFFICER', 'AUDITOR'] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    tokens[role] = await hub.logIn(user.username, password);
    usernames[role] = user.username;
  }
});

const consentInput = (idNumber: string, overrides: Record<string, unknown> = {}) => ({
  personIdNumber: idNumber,
  purposes: ['MINIMUM_LIVING_GUARANTEE', 'PERIODIC_REVIEW'],
  signedOn: '2026-03-01',
  expiresOn: '2027-02-28',
  documentReference: '兴庆区授权书 2026-0457',
  ...overrides,
});

interface ConsentAnswer {
  id: string;
  personIdNumber: string;
  withdrawnAt: string | null;
}

describe('recordConsent', () => {
  it("files a verification officer's record of a signed authorisation, and shows the ID number masked", async () => {
    const person = await createPerson(hub.prisma, { householdId });
    const answer = await hub.graphql<{ recordConsent: ConsentAnswer }>(RECORD, {
      variables: { input: consentInput(person.idNumber, { departmentId: housingId }) },
      token: tokens.VERIFICATION_OFFICER,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordConsent).toMatchObject({
      personIdNumber: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`,
      purposes: ['MINIMUM_LIVING_GUARANTEE', 'PERIODIC_REVIEW'],
      department: { id: housingId },
      signedOn: '2026-03-01',
      expiresOn: '2027-02-28',
      documentReference: '兴庆区授权书 2026-0457',
      withdrawnAt: null,
      recordedBy: { username: usernames.VERIFICATION_OFFICER },
    });
    expect(JSON.stringify(answer)).not.toContain(person.idNumber);
  });

  it('accepts a consent for any department that is signed and expires on the same day', async () => {
    const person = await createPerson(hub.prisma, { householdId });
    const answer = await hub.graphql(RECORD, {
      variables: { input: consentInput(person.idNumber, { signedOn: '2026-05-01', expiresOn: '2026-05-01' }) },
      token: tokens.ADMIN,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordConsent).toMatchObject({ department: null });
  });

  const cases: [string, (idNumber: string) => Record<string, unknown>, string, string?][] = [
    [
      'an ID number that fails its check character',
      () => ({ personIdNumber: '110105194912310021' }),
      'BAD_USER_INPUT',
      'INVALID_ID_NUMBER',
    ],
    ['a person the hub does not know', () => ({ personIdNumber: uniqueIdNumber().idNumber }), 'NOT_FOUND'],
    [
      'expiresOn before signedOn',
      () => ({ signedOn: '2026-03-02', expiresOn: '2026-03-01' }),
      'BAD_USER_INPUT',
      'INVALID_VALIDITY_WINDOW',
    ],
    ['no purposes', () => ({ purposes: [] }), 'BAD_USER_INPUT', 'NO_PURPOSES'],
    ['a blank document reference', () => ({ documentReference: '  ' }), 'BAD_USER_INPUT', 'BLANK_VALUE'],
    [
      'an unknown department',
      () => ({ departmentId: '00000000-0000-0000-0000-000000000000' }),
      'BAD_USER_INPUT',
      'UNKNOWN_DEPARTMENT',
    ],
  ];
  for (const [what, overrides, code, reason] of cases) {
    it(`refuses ${what} with ${code}${reason ? ` ${reason}` : ''}`, async () => {
      const person = await createPerson(hub.prisma, { householdId });
      const answer = await hub.graphql(RECORD, {
        variables: { input: consentInput(person.idNumber, overrides(person.idNumber)) },
        token: tokens.ADMIN,
      });
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject(reason ? { code, reason } : { code });
      expect(await hub.prisma.consent.count({ where: { personId: person.id } })).toBe(0);
    });
  }

  it('is refused to auditors (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const person = await createPerson(hub.prisma, { householdId });
    const variables = { input: consentInput(person.idNumber) };
    expect((await hub.graphql(RECORD, { variables, token: tokens.AUDITOR })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await hub.graphql(RECORD, { variables })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const lookup = await hub.graphql(CONSENTS, { variables: { idNumber: person.idNumber }, token: tokens.AUDITOR });
    expect(lookup.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('consents and withdrawConsent', () => {
  it("lists a person's consents, latest signed first, and keeps the first withdrawal time", async () => {
    const person = await createPerson(hub.prisma, { householdId });
    const record = async (signedOn: string) => {
      const answer = await hub.graphql<{ recordConsent: ConsentAnswer }>(RECORD, {
        variables: { input: consentInput(person.idNumber, { signedOn }) },
        token: tokens.ADMIN,
      });
      return answer.data?.recordConsent.id as string;
    };
    const older = await record('2025-03-01');
    const newer = await record('2026-03-01');
    const listed = await hub.graphql<{ consents: ConsentAnswer[] }>(CONSENTS, {
      variables: { idNumber: person.idNumber },
      token: tokens.VERIFICATION_OFFICER,
    });
    expect(listed.data?.consents.map((consent) => consent.id)).toEqual([newer, older]);

    const withdrawn = await hub.graphql<{ withdrawConsent: ConsentAnswer }>(WITHDRAW, {
      variables: { id: older },
      token: tokens.VERIFICATION_OFFICER,
    });
    const withdrawnAt = withdrawn.data?.withdrawConsent.withdrawnAt;
    expect(withdrawnAt).toEqual(expect.any(String));
    const again = await hub.graphql<{ withdrawConsent: ConsentAnswer }>(WITHDRAW, {
      variables: { id: older },
      token: tokens.ADMIN,
    });
    expect(again.data?.withdrawConsent.withdrawnAt).toBe(withdrawnAt);
  });

  it('answers NOT_FOUND when withdrawing a consent that does not exist', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'nope']) {
      const answer = await hub.graphql(WITHDRAW, { variables: { id }, token: tokens.ADMIN });
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('refuses a malformed ID number in the lookup with INVALID_ID_NUMBER', async () => {
    const answer = await hub.graphql(CONSENTS, { variables: { idNumber: '1234' }, token: tokens.ADMIN });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID_NUMBER' });
  });
});
