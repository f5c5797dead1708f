import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createAssessedRun } from '../factories/assessments.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Issue 17: a finding, a diff row and an audit entry name their household by its head, region and address, as the
// reader's access shows them; an auditor reads the trail, not the household.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const SUMMARY = 'household { id address region { name } members { name relation } }';
const RESULTS = `query ($runId: ID!) { assessments(runId: $runId, first: 5) { edges { node { householdId ${SUMMARY} } } } }`;
const DIFF = `query ($runId: ID!) { comparisonRunDiff(runId: $runId) { changedClass { householdId ${SUMMARY} } } }`;
const TRAIL = `{ auditEntries(first: 50) { edges { node { subjectHouseholdId
  subjectHousehold { id address region { name } members { name relation } } } } } }`;

interface Summary {
  id: string | null;
  address: string | null;
  region: { name: string } | null;
  members: { name: string | null; relation: string }[] | null;
}
type Trail = {
  auditEntries: { edges: { node: { subjectHouseholdId: string | null; subjectHousehold: Summary | null } }[] };
};

let family: Awaited<ReturnType<typeof createHousehold>>;
let regionName: string;
let runId: string;
const tokens = { officer: '', maskedAdmin: '', admin: '', auditor: '' };

beforeAll(async () => {
  const regions = await createRegionTree(hub.prisma);
  regionName = regions.county.name;
  family = await createHousehold(hub.prisma, { regionCode: regions.county.code });
  const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.county.code });
  const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode: regions.city.code });
  await createAgreement(hub.prisma, {
    consumerDepartmentId: bank.id,
    providerDepartmentId: centre.id,
    purposes: ['PERIODIC_REVIEW'],
    items: { PERSON_IDENTITY: 'MASKED', HOUSEHOLD_COMPOSITION: 'MASKED' },
  });
  const logInAs = async (role: 'VERIFICATION_OFFICER' | 'ADMIN' | 'AUDITOR', departmentId: string) => {
    const { user, password } = await createUser(hub.prisma, { role, departmentId });
    return hub.logIn(user.username, password);
  };
  tokens.officer = await logInAs('VERIFICATION_OFFICER', centre.id);
  tokens.admin = await logInAs('ADMIN', centre.id);
  tokens.maskedAdmin = await logInAs('ADMIN', bank.id);
  tokens.auditor = await logInAs('AUDITOR', centre.id);
  const householdId = family.household.id;
  await createAssessedRun(hub.prisma, { regionCode: regions.county.code, householdId });
  runId = (
    await createAssessedRun(hub.prisma, {
      regionCode: regions.county.code,
      householdId,
      assessment: { classification: 'ABOVE_LINE' },
    })
  ).id;
});

const as = <Data>(query: string, token: string) =>
  hub.graphql<Data>(query, { token, purpose: 'PERIODIC_REVIEW', variables: { runId } });

const head = (summary: Summary | null | undefined) => summary?.members?.find((member) => member.relation === 'HEAD');

describe('a household named for its reader', () => {
  it("names a result's household by its head, region and address for the officer of its region", async () => {
    const answer = await as<{ assessments: { edges: { node: { household: Summary } }[] } }>(RESULTS, tokens.officer);
    expect(answer.errors).toBeUndefined();
    const household = answer.data?.assessments.edges[0]?.node.household;
    expect(household).toMatchObject({ id: family.household.id, address: family.household.address });
    expect(household?.region?.name).toBe(regionName);
    expect(head(household)?.name).toBe(family.head.name);
  });

  it('masks the head and the address for a reader whose agreement gives them MASKED', async () => {
    const answer = await as<{ assessments: { edges: { node: { household: Summary } }[] } }>(
      RESULTS,
      tokens.maskedAdmin,
    );
    const household = answer.data?.assessments.edges[0]?.node.household;
    expect(head(household)?.name).toMatch(/\*/);
    expect(head(household)?.name).not.toBe(family.head.name);
    expect(household?.address).not.toBe(family.household.address);
    expect(household?.region?.name).toBe(regionName);
  });

  it('names the household of a diff row', async () => {
    const answer = await as<{ comparisonRunDiff: { changedClass: { householdId: string; household: Summary }[] } }>(
      DIFF,
      tokens.officer,
    );
    expect(answer.errors).toBeUndefined();
    const [change] = answer.data?.comparisonRunDiff.changedClass ?? [];
    expect(change?.household.address).toBe(family.household.address);
    expect(head(change?.household)?.name).toBe(family.head.name);
  });

  it("names an audit entry's household to an administrator, and to an auditor not at all", async () => {
    await as(RESULTS, tokens.officer);
    const forAdmin = await as<Trail>(TRAIL, tokens.admin);
    expect(forAdmin.errors).toBeUndefined();
    const adminEntry = forAdmin.data?.auditEntries.edges.find(
      ({ node }) => node.subjectHouseholdId === family.household.id,
    );
    expect(adminEntry?.node.subjectHousehold?.address).toBe(family.household.address);
    const forAuditor = await as<Trail>(TRAIL, tokens.auditor);
    expect(forAuditor.errors).toBeUndefined();
    const entries = forAuditor.data?.auditEntries.edges.filter(({ node }) => node.subjectHouseholdId !== null) ?? [];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map(({ node }) => node.subjectHousehold)).toEqual(entries.map(() => null));
  });
});
