import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent, grantEveryItem } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// HOUSING holds 低保 status (DERIVED) and the masked identity (MASKED) for housing subsidies, nothing else. No way
// of asking may get it more: not aliases, fragments, nesting, batching, lists, errors or introspection.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const PURPOSE = 'HOUSING_SUBSIDY';

let family: Awaited<ReturnType<typeof createHousehold>>;
let partner: string;
let outsider: string;
let centre: string;
let secrets: string[];

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  family = await createHousehold(hub.prisma, { regionCode: region.code });
  const records = await createDepartmentRecords(
    hub.prisma,
    family.head.id,
    await createSnapshots(hub.prisma, { regionCode: region.code }),
  );
  await createConsent(hub.prisma, { personId: family.head.id, purposes: [PURPOSE] });
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: region.code });
  await createAgreement(hub.prisma, {
    consumerDepartmentId: housing.id,
    providerDepartmentId: civilAffairs.id,
    purposes: [PURPOSE],
    items: { ASSISTANCE_STATUS: 'DERIVED', PERSON_IDENTITY: 'MASKED' },
  });
  partner = await createPartnerToken(hub.prisma, housing.id);
  outsider = await createPartnerToken(
    hub.prisma,
    (await createDepartment(hub.prisma, { kind: 'TAX', regionCode: region.code })).id,
  );
  const centreDepartment = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  await grantEveryItem(hub.prisma, { consumerDepartmentId: centreDepartment.id, purposes: [PURPOSE] });
  const admin = await createUser(hub.prisma, { role: 'ADMIN', departmentId: centreDepartment.id });
  centre = await hub.logIn(admin.user.username, admin.password);
  secrets = [
    family.head.name,
    family.head.idNumber,
    family.household.address,
    records.bankDeposit.accountNumber,
    String(records.bankDeposit.balanceFen),
    records.vehicle.plateNumber,
  ];
});

const ask = (query: string, options: { token?: string; variables?: Record<string, unknown> } = {}) =>
  hub.graphql(query, {
    token: options.token ?? partner,
    purpose: PURPOSE,
    variables: { idNumber: family.head.idNumber, ...options.variables },
  });

const denialsOf = (answer: { errors?: { path?: string[]; extensions?: Record<string, unknown> }[] }) =>
  Object.fromEntries(
    (answer.errors ?? []).map((e) => [e.path?.join('.'), `${e.extensions?.dataItem}:${e.extensions?.reason}`]),
  );

function expectNoSecrets(answer: unknown) {
  const text = JSON.stringify(answer);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('no path around the permission engine', () => {
  it('enforces every alias of a field separately', async () => {
    const answer = await ask(`query ($idNumber: String!) {
      a: person(idNumber: $idNumber) { n: name clear: idNumber born: birthDate money: bankAccounts { balanceFen } }
      b: person(idNumber: $idNumber) { again: bankAccounts { balanceFen } }
    }`);
    expect(answer.data).toMatchObject({
      a: { n: expect.stringMatching(/^.\*+$/), born: null, money: null },
      b: { again: null },
    });
    expect(denialsOf(answer)).toEqual({
      'a.born': 'PERSON_IDENTITY:INSUFFICIENT_ACCESS_LEVEL',
      'a.money': 'BANK_DEPOSITS:NO_AGREEMENT',
      'b.again': 'BANK_DEPOSITS:NO_AGREEMENT',
    });
    expectNoSecrets(answer);
  });

  it('enforces fields reached through named and inline fragments', async () => {
    const answer = await ask(`
      fragment Money on Person { bankAccounts { accountNumber } ... on Person { vehicles { plateNumber } } }
      query ($idNumber: String!) { person(idNumber: $idNumber) { ...Money ... { birthDate } } }`);
    expect(denialsOf(answer)).toEqual({
      'person.bankAccounts': 'BANK_DEPOSITS:NO_AGREEMENT',
      'person.vehicles': 'VEHICLES:NO_AGREEMENT',
      'person.birthDate': 'PERSON_IDENTITY:INSUFFICIENT_ACCESS_LEVEL',
    });
    expectNoSecrets(answer);
  });

  it('enforces nested paths: the household, its members and their records', async () => {
    const answer = await ask(`query ($idNumber: String!) {
      person(idNumber: $idNumber) { household { id members { name bankAccounts { balanceFen } } } }
      householdOf(idNumber: $idNumber) { address members { idNumber } }
    }`);
    expect(denialsOf(answer)).toEqual({
      // The household's id would say who lives together: a fact of the composition too.
      'person.household.id': 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
      'person.household.members': 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
      'householdOf.address': 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
      'householdOf.members': 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
    });
    const householdId = family.household.id;
    const direct = await ask('query ($id: ID!) { household(id: $id) { address members { name } } }', {
      variables: { id: householdId },
    });
    expect(denialsOf(direct)).toEqual({
      'household.address': 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
      'household.members': 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT',
    });
    expectNoSecrets([answer, direct]);
  });

  it('refuses batched operations as a whole', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}`, 'x-hub-purpose': PURPOSE },
      body: JSON.stringify([
        { query: '{ __typename }' },
        { query: `{ person(idNumber: "${family.head.idNumber}") { bankAccounts { balanceFen } } }` },
      ]),
    });
    expect(response.status).toBe(400);
    expectNoSecrets(await response.text());
  });

  it('refuses to list or filter households without their composition in full', async () => {
    const answer = await ask(
      `{ households(first: 10, regionCode: "${family.household.regionCode}") { totalCount edges { node { id } } } }`,
    );
    expect(answer.data).toEqual({ households: null });
    expect(denialsOf(answer)).toEqual({ households: 'HOUSEHOLD_COMPOSITION:NO_AGREEMENT' });
  });

  it('keeps the audit trail, consents and agreements management from partners', async () => {
    const answer = await ask(`query ($idNumber: String!) {
      auditEntries(first: 1) { totalCount }
      consents(personIdNumber: $idNumber) { id }
      sharingAgreements(first: 1) { totalCount }
    }`);
    expect(answer.data).toEqual({ auditEntries: null, consents: null, sharingAgreements: null });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  it('answers a department without an agreement for the purpose the same for a person it knows and one it does not', async () => {
    const known = await ask('query ($idNumber: String!) { person(idNumber: $idNumber) { id } }', { token: outsider });
    const unknown = await ask('query ($idNumber: String!) { person(idNumber: $idNumber) { id } }', {
      token: outsider,
      variables: { idNumber: uniqueIdNumber().idNumber },
    });
    expect(known.data).toEqual({ person: null });
    expect({ ...known, headers: undefined }).toEqual({ ...unknown, headers: undefined });
  });
});

describe('introspection', () => {
  const fieldsOf = async (typeName: string, token?: string) => {
    const answer = await hub.graphql<{ __type: { fields: { name: string }[] } | null }>(
      `query ($name: String!) { __type(name: $name) { fields { name } } }`,
      { token, variables: { name: typeName } },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?.__type?.fields.map((field) => field.name) ?? null;
  };

  it('shows a partner only the fields its agreements let it query, and no type it cannot reach', async () => {
    const person = await fieldsOf('Person', partner);
    expect(person).toEqual(expect.arrayContaining(['id', 'name', 'idNumber', 'household']));
    expect(person).not.toContain('birthDate'); // FULL only; HOUSING holds it MASKED
    expect(person).not.toContain('bankAccounts');
    expect(person).not.toContain('ownsVehicle');
    expect(await fieldsOf('Household', partner)).toEqual(
      expect.arrayContaining(['receivesMinimumLivingGuarantee', 'currentAssistance']),
    );
    expect(await fieldsOf('Household', partner)).not.toContain('assistanceCases');
    expect(await fieldsOf('BankDeposit', partner)).toBeNull();
  });

  it('shows a partner no operation its role may not call', async () => {
    const answer = await hub.graphql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
      { token: partner },
    );
    const mutations = answer.data?.__schema.mutationType.fields.map((field) => field.name) ?? [];
    expect(mutations).toContain('issueAccessToken');
    expect(mutations).not.toContain('createSharingAgreement');
    expect(mutations).not.toContain('createApiClient');
  });

  it('shows the centre, which holds every item, the whole graph', async () => {
    expect(await fieldsOf('Person', centre)).toEqual(
      expect.arrayContaining(['birthDate', 'bankAccounts', 'ownsVehicle']),
    );
    expect(await fieldsOf('BankDeposit', centre)).toEqual(expect.arrayContaining(['accountNumber', 'balanceFen']));
  });

  it('lets an anonymous caller introspect nothing at all', async () => {
    for (const name of ['Person', 'Household']) {
      const answer = await hub.graphql('query ($name: String!) { __type(name: $name) { fields { name } } }', {
        variables: { name },
      });
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses introspection mixed with data in one operation', async () => {
    const answer = await ask(
      'query ($idNumber: String!) { __schema { queryType { name } } person(idNumber: $idNumber) { name } }',
    );
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MIXED_INTROSPECTION' });
  });
});
