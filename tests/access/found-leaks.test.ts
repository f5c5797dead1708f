import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createAssessedRun } from '../factories/assessments.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Issue 13, "Found" 1 and 3: what a partner without an agreement, and an officer of another region, learned.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let regions: Awaited<ReturnType<typeof createRegionTree>>;
let family: Awaited<ReturnType<typeof createHousehold>>;
let bank: string;
let housing: string;
let otherOfficer: string;
let runId: string;

const LOOKUP = 'query ($idNumber: String!) { person(idNumber: $idNumber) { id household { id } } }';
const strip = (answer: { data?: unknown; errors?: { message: string; path?: string[]; extensions?: unknown }[] }) => ({
  data: answer.data,
  errors: answer.errors?.map(({ message, path, extensions }) => ({ message, path, extensions })),
});

beforeAll(async () => {
  regions = await createRegionTree(hub.prisma);
  family = await createHousehold(hub.prisma, { regionCode: regions.county.code });
  const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.county.code });
  bank = await createPartnerToken(
    hub.prisma,
    (await createDepartment(hub.prisma, { kind: 'BANK', regionCode: regions.city.code })).id,
  );
  const housingDepartment = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: regions.city.code });
  await createAgreement(hub.prisma, {
    consumerDepartmentId: housingDepartment.id,
    providerDepartmentId: centre.id,
    purposes: ['HOUSING_SUBSIDY'],
    items: { PERSON_IDENTITY: 'MASKED', HOUSEHOLD_COMPOSITION: 'DERIVED' },
  });
  housing = await createPartnerToken(hub.prisma, housingDepartment.id);
  const elsewhere = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.otherCounty.code });
  const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: elsewhere.id });
  otherOfficer = await hub.logIn(user.username, password);
  runId = (await createAssessedRun(hub.prisma, { regionCode: regions.county.code, householdId: family.household.id }))
    .id;
});

describe('finding 1: existence, membership and district without an agreement', () => {
  it('answers a bank with no agreement the same for two spouses and a number the hub does not hold', async () => {
    const answers = await Promise.all(
      [family.head.idNumber, family.spouse.idNumber, uniqueIdNumber().idNumber].map(async (idNumber) =>
        strip(await hub.graphql(LOOKUP, { token: bank, purpose: 'MINIMUM_LIVING_GUARANTEE', variables: { idNumber } })),
      ),
    );
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[2]);
    expect(answers[2].data).toEqual({ person: null });
    expect(answers[2].errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_AGREEMENT' });
  });

  it('answers HOUSING under a purpose none of its agreements names the same way', async () => {
    const ask = async (idNumber: string) =>
      strip(await hub.graphql(LOOKUP, { token: housing, purpose: 'EMPLOYMENT_ASSISTANCE', variables: { idNumber } }));
    expect(await ask(family.head.idNumber)).toEqual(await ask(uniqueIdNumber().idNumber));
  });

  it('does not tell HOUSING (household data at DERIVED) a district through the region filter', async () => {
    const ask = (query: string, idNumber: string, regionCode?: string) =>
      hub.graphql(query, { token: housing, purpose: 'HOUSING_SUBSIDY', variables: { idNumber, regionCode } });
    const SEARCH =
      'query ($idNumber: String!, $regionCode: String) { persons(idNumber: $idNumber, regionCode: $regionCode) { edges { node { id } } } }';
    const right = strip(await ask(SEARCH, family.head.idNumber, regions.county.code));
    const wrong = strip(await ask(SEARCH, family.head.idNumber, regions.otherCounty.code));
    expect(right).toEqual(wrong);
    expect(right.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataItem: 'HOUSEHOLD_COMPOSITION' });
  });

  it('records what it withheld, about the person asked for', async () => {
    await hub.graphql(LOOKUP, {
      token: bank,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { idNumber: family.child.idNumber },
    });
    const entries = await hub.prisma.auditEntry.findMany({ where: { subjectPersonId: family.child.id } });
    expect(entries).toEqual([
      expect.objectContaining({ decision: 'DENIED', itemsDenied: ['PERSON_IDENTITY'], itemsDisclosed: [] }),
    ]);
  });
});

describe('finding 3: reach is the same on every transport', () => {
  it("gives an officer of another region another region's run as GraphQL and CSV alike: not there", async () => {
    const answer = await hub.graphql(
      `query ($id: ID!) { comparisonRun(id: $id) { id } assessments(runId: $id, first: 10) { totalCount edges { node { perCapitaIncomeFen } } } }`,
      { token: otherOfficer, variables: { id: runId } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ comparisonRun: null, assessments: { totalCount: 0, edges: [] } });
    const csv = await fetch(`${hub.url}/comparisons/${runId}/assessments.csv`, {
      headers: { authorization: `Bearer ${otherOfficer}` },
    });
    expect(csv.status).toBe(404);
  });
});
