import { randomUUID } from 'node:crypto';
import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntryDraft } from '../factories/audit-entries.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const REQUESTS = `query Requests($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditRequests(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { requestId occurredAt lastSequence actorKind actorName department { id } purpose operation
                          label event decision entryCount } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Requests {
  auditRequests: {
    totalCount: number;
    edges: { cursor: string; node: Record<string, unknown> & { operation: string; entryCount: number } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let auditorToken: string;
let officerToken: string;
let departmentId: string;
let family: Awaited<ReturnType<typeof createHousehold>>;
const actor = `grouped${uniqueNumber()}`;
const verify = randomUUID();
const refused = randomUUID();
const refresh = randomUUID();

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code })).id;
  family = await createHousehold(hub.prisma, { regionCode: region.code });
  for (const role of ['AUDITOR', 'VERIFICATION_OFFICER'] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId });
    const token = await hub.logIn(user.username, password);
    if (role === 'AUDITOR') auditorToken = token;
    else officerToken = token;
  }
  const writer = createAuditWriter(db.url);
  const common = { actorName: actor, departmentId, purpose: 'PERIODIC_REVIEW' as const };
  await writer.write([
    // One verification: three entries, one of them partly refused.
    auditEntryDraft({ ...common, requestId: verify, operation: 'PersonVerification', subjectPersonId: family.head.id }),
    auditEntryDraft({
      ...common,
      requestId: verify,
      operation: 'PersonVerification',
      subjectPersonId: family.spouse.id,
      itemsDisclosed: ['HOUSEHOLD_MEMBERS'],
      itemsDenied: ['BANK_DEPOSIT'],
      decision: 'PARTIAL',
      reason: 'BANK_DEPOSIT:NO_AGREEMENT',
    }),
    auditEntryDraft({
      ...common,
      requestId: verify,
      operation: 'PersonVerification',
      subjectHouseholdId: family.household.id,
      itemsDisclosed: ['HOUSEHOLD_MEMBERS'],
    }),
  ]);
  await writer.write([
    auditEntryDraft({
      ...common,
      requestId: refused,
      operation: 'Persons',
      decision: 'DENIED',
      itemsDenied: ['VEHICLE'],
    }),
    auditEntryDraft({
      ...common,
      requestId: refused,
      operation: 'Persons',
      decision: 'DENIED',
      itemsDenied: ['VEHICLE'],
    }),
  ]);
  // Bookkeeping: allowed, about nobody, nothing disclosed or refused.
  await writer.write([auditEntryDraft({ ...common, requestId: refresh, operation: 'DashboardRuns' })]);
  await writer.close();
});

const requests = (filter: Record<string, unknown>, options: { first?: number; after?: string | null } = {}) =>
  hub.graphql<Requests>(REQUESTS, { token: auditorToken, variables: { filter, ...options } });
const rows = (answer: { data?: Requests | null }) =>
  answer.data?.auditRequests.edges.map(({ node }) => [node.operation, node.entryCount, node.decision]);

describe('auditRequests', () => {
  it('groups the entries by request, newest first, without bookkeeping, and sums up each request', async () => {
    const answer = await requests({ actorName: actor });
    expect(answer.errors).toBeUndefined();
    expect(rows(answer)).toEqual([
      ['Persons', 2, 'DENIED'],
      ['PersonVerification', 3, 'PARTIAL'],
    ]);
    expect(answer.data?.auditRequests.totalCount).toBe(2);
    const verification = answer.data?.auditRequests.edges[1]?.node;
    expect(verification).toMatchObject({
      requestId: verify,
      actorKind: 'USER',
      actorName: actor,
      department: { id: departmentId },
      purpose: 'PERIODIC_REVIEW',
      label: 'PersonVerification',
      event: null,
    });
  });

  it('shows the bookkeeping when asked to', async () => {
    const answer = await requests({ actorName: actor, includeBookkeeping: true });
    expect(rows(answer)?.map(([operation]) => operation)).toEqual(['DashboardRuns', 'Persons', 'PersonVerification']);
    expect(answer.data?.auditRequests.totalCount).toBe(3);
  });

  it("counts only a request's entries that match the filter", async () => {
    const answer = await requests({ actorName: actor, itemCode: 'BANK_DEPOSIT' });
    expect(rows(answer)).toEqual([['PersonVerification', 1, 'PARTIAL']]);
    const aboutHim = await requests({ actorName: actor, subjectIdNumber: family.spouse.idNumber });
    expect(rows(aboutHim)).toEqual([['PersonVerification', 2, 'PARTIAL']]);
    expect(JSON.stringify(aboutHim.data)).not.toContain(family.spouse.idNumber);
  });

  it('pages forward with first and after', async () => {
    const page1 = await requests({ actorName: actor, includeBookkeeping: true }, { first: 2 });
    expect(rows(page1)?.map(([operation]) => operation)).toEqual(['DashboardRuns', 'Persons']);
    expect(page1.data?.auditRequests.pageInfo.hasNextPage).toBe(true);
    const page2 = await requests(
      { actorName: actor, includeBookkeeping: true },
      { first: 2, after: page1.data?.auditRequests.pageInfo.endCursor },
    );
    expect(rows(page2)?.map(([operation]) => operation)).toEqual(['PersonVerification']);
    expect(page2.data?.auditRequests.pageInfo.hasNextPage).toBe(false);
    expect(page2.data?.auditRequests.totalCount).toBe(3);
  });

  it('names the administrative change a request made, beside its operation', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    const adminToken = await hub.logIn(user.username, password);
    const created = await hub.graphql(
      'mutation NewClient($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }',
      { token: adminToken, variables: { input: { departmentId, name: '测试客户端' } } },
    );
    expect(created.errors).toBeUndefined();
    // By default only the typed change: the mutation's own request entry disclosed nothing and is bookkeeping.
    const changes = await requests({ actorName: user.username }, { first: 5 });
    expect(changes.errors).toBeUndefined();
    expect(changes.data?.auditRequests.edges.map(({ node }) => [node.operation, node.event, node.entryCount])).toEqual([
      ['createApiClient', 'API_CLIENT_CREATED', 1],
    ]);
    expect(changes.data?.auditRequests.edges[0]?.node.label).toMatch(/API client created/);
    // With the bookkeeping, the request's own entry stands for it, and the row still names the change it made.
    const all = await requests({ actorName: user.username, includeBookkeeping: true }, { first: 5 });
    const row = all.data?.auditRequests.edges.find(({ node }) => node.operation === 'NewClient')?.node;
    expect(row).toMatchObject({ operation: 'NewClient', event: 'API_CLIENT_CREATED', entryCount: 2 });
    expect(row?.label).toMatch(/API client created/);
  });

  it("lists one request's entries through auditEntries(filter: { requestId })", async () => {
    const answer = await hub.graphql<{ auditEntries: { totalCount: number; edges: { node: { decision: string } }[] } }>(
      'query One($filter: AuditEntryFilter) { auditEntries(filter: $filter) { totalCount edges { node { decision } } } }',
      { token: auditorToken, variables: { filter: { requestId: verify } } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.auditEntries.edges.map(({ node }) => node.decision)).toEqual(['ALLOWED', 'PARTIAL', 'ALLOWED']);
  });

  it.each([
    ['a malformed cursor', { after: 'abc' }, 'INVALID_ARGUMENT'],
    ['too large a page', { first: 101 }, 'OUT_OF_RANGE'],
    ['an empty page', { first: 0 }, 'OUT_OF_RANGE'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, options, reason) => {
    const answer = await requests({ actorName: actor }, options);
    expect(answer.data?.auditRequests).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('refuses paging backwards', async () => {
    const answer = await hub.graphql('{ auditRequests(last: 2) { totalCount } }', { token: auditorToken });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ARGUMENT' });
  });

  it.each([
    ['a verification officer', () => officerToken, 'FORBIDDEN'],
    ['an anonymous caller', () => undefined, 'UNAUTHENTICATED'],
  ])('is refused to %s', async (_caller, token, code) => {
    const answer = await hub.graphql('{ auditRequests { totalCount } }', { token: token() });
    expect(answer.data).toEqual({ auditRequests: null });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([code]);
  });
});
