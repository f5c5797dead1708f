import type { AssessmentFlagCode, ComparisonKind, ComparisonRunStatus } from '@hub/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const QUERY = '{ latestFindings { flag households } }';
const DAY_MS = 86_400_000;
const tokens = { countyOfficer: '', cityOfficer: '', housingAdmin: '', auditor: '', partner: '' };

async function run(options: {
  kind: ComparisonKind;
  regionCode: string | null;
  status?: ComparisonRunStatus;
  daysAgo: number;
  households: AssessmentFlagCode[][];
}) {
  const created = await hub.prisma.comparisonRun.create({
    data: {
      kind: options.kind,
      status: options.status ?? 'COMPLETED',
      regionCode: options.regionCode,
      asOf: new Date('2026-06-30T00:00:00Z'),
      chunkSize: 100,
      createdAt: new Date(Date.now() - options.daysAgo * DAY_MS),
    },
  });
  for (const flags of options.households) {
    const household = await hub.prisma.household.create({
      data: { regionCode: options.regionCode ?? '640104', areaType: 'URBAN', address: '某街1号' },
    });
    await hub.prisma.householdAssessment.create({
      data: {
        runId: created.id,
        householdId: household.id,
        chunkNo: 0,
        countedMembers: 1,
        monthlyIncomeFen: 0n,
        rigidExpenditureFen: 0n,
        standardMonthlyFen: 83_000,
        financialAssetsFen: 0n,
        flags,
        findings: [],
      },
    });
  }
}

async function userOf(role: 'ADMIN' | 'VERIFICATION_OFFICER' | 'AUDITOR', departmentId: string) {
  const { user, password } = await createUser(hub.prisma, { role, departmentId });
  return hub.logIn(user.username, password);
}

beforeAll(async () => {
  const { city, county, otherCounty, township } = await createRegionTree(hub.prisma);
  await hub.prisma.region.upsert({
    where: { code: '640104' },
    create: { code: '640104', name: '兴庆区', level: 'COUNTY' },
    update: {},
  });
  // The county's periodic reviews: only the latest completed one is current knowledge.
  await run({ kind: 'PERIODIC_REVIEW', regionCode: county.code, daysAgo: 3, households: [['INCOME_ABOVE_STANDARD']] });
  await run({
    kind: 'PERIODIC_REVIEW',
    regionCode: county.code,
    daysAgo: 2,
    households: [['DECEASED_MEMBER', 'DATA_MISSING'], []],
  });
  await run({
    kind: 'PERIODIC_REVIEW',
    regionCode: county.code,
    status: 'RUNNING',
    daysAgo: 1,
    households: [['BUSINESS_REGISTERED']],
  });
  await run({ kind: 'DEATH_CHECK', regionCode: township.code, daysAgo: 1, households: [['DECEASED_MEMBER']] });
  await run({
    kind: 'PERIODIC_REVIEW',
    regionCode: otherCounty.code,
    daysAgo: 1,
    households: [['NON_EXEMPT_VEHICLE']],
  });
  await run({ kind: 'APPLICATION', regionCode: null, daysAgo: 1, households: [['EXCESS_PROPERTY']] });

  const countyBureau = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: county.code });
  const cityBureau = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: city.code });
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: city.code });
  tokens.countyOfficer = await userOf('VERIFICATION_OFFICER', countyBureau.id);
  tokens.cityOfficer = await userOf('VERIFICATION_OFFICER', cityBureau.id);
  tokens.auditor = await userOf('AUDITOR', cityBureau.id);
  tokens.housingAdmin = await userOf('ADMIN', housing.id);
  tokens.partner = await createPartnerToken(hub.prisma, housing.id);
});

describe('latestFindings', () => {
  it("counts the flags of the latest completed run of each kind and region within the county bureau's reach", async () => {
    const answer = await hub.graphql(QUERY, { token: tokens.countyOfficer });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      latestFindings: [
        { flag: 'DATA_MISSING', households: 1 },
        { flag: 'DECEASED_MEMBER', households: 2 },
      ],
    });
  });

  it('includes every county below the city for the city bureau', async () => {
    const answer = await hub.graphql(QUERY, { token: tokens.cityOfficer });
    expect(answer.data).toEqual({
      latestFindings: [
        { flag: 'DATA_MISSING', households: 1 },
        { flag: 'DECEASED_MEMBER', households: 2 },
        { flag: 'NON_EXEMPT_VEHICLE', households: 1 },
      ],
    });
  });

  it('includes runs of given households only for a caller who reaches every region', async () => {
    const answer = await hub.graphql<{ latestFindings: { flag: string }[] }>(QUERY, { token: tokens.housingAdmin });
    expect(answer.data?.latestFindings.map((count) => count.flag)).toEqual([
      'DATA_MISSING',
      'DECEASED_MEMBER',
      'EXCESS_PROPERTY',
      'NON_EXEMPT_VEHICLE',
    ]);
  });

  it.each(['auditor', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const answer = await hub.graphql(QUERY, { token: tokens[who] });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
