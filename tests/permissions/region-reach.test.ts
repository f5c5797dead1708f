import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Civil affairs holds the household spine of its own region and the regions below it. A household elsewhere
// looks to it exactly like one that does not exist.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let regions: Awaited<ReturnType<typeof createRegionTree>>;
let here: Awaited<ReturnType<typeof createHousehold>>;
let elsewhere: Awaited<ReturnType<typeof createHousehold>>;
let county: string;
let city: string;

async function officerOf(regionCode: string): Promise<string> {
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const { user, password } = await createUser(hub.prisma, {
    role: 'VERIFICATION_OFFICER',
    departmentId: department.id,
  });
  return hub.logIn(user.username, password);
}

beforeAll(async () => {
  regions = await createRegionTree(hub.prisma);
  here = await createHousehold(hub.prisma, { regionCode: regions.township.code });
  elsewhere = await createHousehold(hub.prisma, { regionCode: regions.otherCounty.code });
  county = await officerOf(regions.county.code);
  city = await officerOf(regions.city.code);
});

const ask = (token: string, query: string, variables: Record<string, unknown>) =>
  hub.graphql(query, { token, purpose: 'MINIMUM_LIVING_GUARANTEE', variables });
const PERSON = 'query ($idNumber: String!) { person(idNumber: $idNumber) { name } }';

describe("civil affairs' reach", () => {
  it('finds a person of a household in a region below its own', async () => {
    const answer = await ask(county, PERSON, { idNumber: here.head.idNumber });
    expect(answer.data).toEqual({ person: { name: here.head.name } });
  });

  it('answers for a person of another county exactly as for a person the hub does not know', async () => {
    const other = await ask(county, PERSON, { idNumber: elsewhere.head.idNumber });
    const unknown = await ask(county, PERSON, { idNumber: uniqueIdNumber().idNumber });
    expect(other.data).toEqual({ person: null });
    expect({ ...other, headers: undefined }).toEqual({ ...unknown, headers: undefined });
  });

  it('does not find a household of another county by id or by a member', async () => {
    const byId = await ask(county, 'query ($id: ID!) { household(id: $id) { id } }', { id: elsewhere.household.id });
    const byMember = await ask(county, 'query ($idNumber: String!) { householdOf(idNumber: $idNumber) { id } }', {
      idNumber: elsewhere.head.idNumber,
    });
    expect([byId.data, byMember.data]).toEqual([{ household: null }, { householdOf: null }]);
  });

  it('lists only the households within its reach, and refuses a region filter outside it', async () => {
    const LIST =
      'query ($regionCode: String) { households(first: 50, regionCode: $regionCode) { totalCount edges { node { id } } } }';
    const all = await ask(county, LIST, { regionCode: null });
    const ids = (all.data as { households: { edges: { node: { id: string } }[] } }).households.edges.map(
      (edge) => edge.node.id,
    );
    expect(ids).toContain(here.household.id);
    expect(ids).not.toContain(elsewhere.household.id);
    // Applied, a filter outside reach would answer with an empty list; refused, it answers nothing at all.
    for (const regionCode of [regions.city.code, regions.otherCounty.code]) {
      const answer = await ask(county, LIST, { regionCode });
      expect(answer.data).toEqual({ households: null });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_REACH', regionCode });
    }
  });

  it('reaches every county below the city for the city bureau', async () => {
    const answer = await ask(city, PERSON, { idNumber: elsewhere.head.idNumber });
    expect(answer.data).toEqual({ person: { name: elsewhere.head.name } });
  });
});
