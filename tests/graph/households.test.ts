import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { type GraphqlAnswer, startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let regions: Awaited<ReturnType<typeof createRegionTree>>;
let token: string;
const householdIdsByRegion = new Map<string, string[]>();

const PAGE = `query ($first: Int!, $after: String, $regionCode: String) {
  households(first: $first, after: $after, regionCode: $regionCode) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id region { code } } }
  }
}`;

interface Page {
  households: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; region: { code: string } } }[];
  };
}

async function walkAllPages(first: number, regionCode?: string) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const answer: GraphqlAnswer<Page> = await hub.graphql<Page>(PAGE, {
      token,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { first, after, regionCode },
    });
    expect(answer.errors).toBeUndefined();
    const connection: Page['households'] = (answer.data as Page).households;
    ids.push(...connection.edges.map((edge) => edge.node.id));
    pages += 1;
    if (!connection.pageInfo.hasNextPage) return { ids, pages, totalCount: connection.totalCount };
    after = connection.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  regions = await createRegionTree(hub.prisma);
  for (const region of [regions.city, regions.county, regions.otherCounty, regions.township]) {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createHousehold(hub.prisma, { regionCode: region.code })).household.id);
    householdIdsByRegion.set(region.code, ids);
  }
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regions.city.code });
  const admin = await createUser(hub.prisma, { role: 'ADMIN', departmentId: department.id });
  token = await hub.logIn(admin.user.username, admin.password);
});

describe('households(regionCode:, first:, after:)', () => {
  it('walks every page with cursors and returns each household exactly once', async () => {
    const all = [...householdIdsByRegion.values()].flat();
    const { ids, pages, totalCount } = await walkAllPages(5);
    expect(pages).toBe(3);
    expect(totalCount).toBe(12);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...all].sort());
  });

  it('includes the households of every region below the one asked for', async () => {
    const { ids, totalCount } = await walkAllPages(2, regions.county.code);
    const expected = [regions.county.code, regions.township.code].flatMap(
      (code) => householdIdsByRegion.get(code) ?? [],
    );
    expect(totalCount).toBe(6);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('rejects a region code the hub does not know with BAD_USER_INPUT/UNKNOWN_REGION', async () => {
    const answer = await hub.graphql(PAGE, {
      token,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { first: 5, regionCode: '999999999999' },
    });
    expect(answer.data).toEqual({ households: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({
      path: ['households'],
      extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION', regionCode: '999999999999' },
    });
  });
});

describe('household(id:)', () => {
  it('shows the region, members, assistance cases and applications', async () => {
    const { household, head } = await createHousehold(hub.prisma, { regionCode: regions.otherCounty.code });
    await hub.prisma.assistanceCase.create({
      data: {
        householdId: household.id,
        kind: 'MINIMUM_LIVING_GUARANTEE',
        status: 'GRACE_PERIOD',
        startedOn: new Date('2023-01-01T00:00:00Z'),
        monthlyAmountFen: 68_000,
        gracePeriodEndsOn: new Date('2025-06-30T00:00:00Z'),
        singlePersonId: head.id,
      },
    });
    await hub.prisma.application.create({
      data: {
        householdId: household.id,
        kind: 'LOW_INCOME',
        status: 'VERIFYING',
        submittedOn: new Date('2024-05-06T00:00:00Z'),
        medicalExpenseMonthlyFen: 30_000,
      },
    });
    const answer = await hub.graphql(
      `query ($id: ID!) { household(id: $id) {
        id areaType region { code name level parent { code } }
        members { idNumber relation household { id } }
        assistanceCases { kind status startedOn endedOn monthlyAmountFen gracePeriodEndsOn singlePerson { idNumber } }
        applications { kind status submittedOn medicalExpenseMonthlyFen educationExpenseMonthlyFen }
      } }`,
      { token, purpose: 'MINIMUM_LIVING_GUARANTEE', variables: { id: household.id } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({
      household: {
        id: household.id,
        areaType: 'URBAN',
        region: { code: regions.otherCounty.code, level: 'COUNTY', parent: { code: regions.city.code } },
        assistanceCases: [
          {
            kind: 'MINIMUM_LIVING_GUARANTEE',
            status: 'GRACE_PERIOD',
            startedOn: '2023-01-01',
            endedOn: null,
            monthlyAmountFen: 68_000,
            gracePeriodEndsOn: '2025-06-30',
            singlePerson: { idNumber: head.idNumber },
          },
        ],
        applications: [
          {
            kind: 'LOW_INCOME',
            status: 'VERIFYING',
            submittedOn: '2024-05-06',
            medicalExpenseMonthlyFen: 30_000,
            educationExpenseMonthlyFen: 0,
          },
        ],
      },
    });
    expect((answer.data?.household as { members: unknown[] } | undefined)?.members).toHaveLength(3);
  });

  it.each([
    ['an id no household has', '00000000-0000-4000-8000-000000000000'],
    ['an id that is not a UUID', 'not-a-household'],
  ])('answers null for %s', async (_case, id) => {
    const answer = await hub.graphql('query ($id: ID!) { household(id: $id) { id } }', {
      token,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      variables: { id },
    });
    expect(answer).toMatchObject({ data: { household: null } });
    expect(answer.errors).toBeUndefined();
  });
});
