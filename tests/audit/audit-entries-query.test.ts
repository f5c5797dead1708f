import { createAuditWriter } from '@hub/server/audit/create-audit-writer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(() => pool.end());

const ENTRIES = `query Trail($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { sequence actorName operation decision itemsDisclosed itemsDenied reason subjectIdNumber
                   department { id } purpose agreementIds entryHash } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Trail {
  auditEntries: {
    totalCount: number;
    edges: { node: Record<string, unknown> & { operation: string; sequence: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

let auditorToken: string;
let officerToken: string;
let family: Awaited<ReturnType<typeof createHousehold>>;
let stranger: Awaited<ReturnType<typeof createHousehold>>;
let departmentId: string;
const actor = `officer${uniqueNumber()}`;
let boundary = '';

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code })).id;
  family = await createHousehold(hub.prisma, { regionCode: region.code });
  stranger = await createHousehold(hub.prisma, { regionCode: region.code });
  for (const role of ['AUDITOR', 'VERIFICATION_OFFICER'] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId });
    const token = await hub.logIn(user.username, password);
    if (role === 'AUDITOR') auditorToken = token;
    else officerToken = token;
  }
  const writer = createAuditWriter(db.url);
  const about = (person: { id: string }) => ({ subjectPersonId: person.id });
  await writer.write([
    auditEntryDraft({ actorName: actor, departmentId, operation: 'first', ...about(family.head) }),
    auditEntryDraft({
      actorName: actor,
      operation: 'second',
      subjectHouseholdId: family.household.id,
      itemsDisclosed: ['HOUSEHOLD_MEMBERS'],
      itemsDenied: ['BANK_DEPOSIT'],
      decision: 'PARTIAL',
      reason: 'BANK_DEPOSIT:NO_AGREEMENT',
    }),
  ]);
  // The database dates entries (to the microsecond): the boundary is the next millisecond after 'second', and the
  // later entries are written once the database's clock has passed it.
  const { rows } = await pool.query<{ at: Date }>(
    `SELECT date_trunc('milliseconds', occurred_at) + interval '1 millisecond' AS at
       FROM audit_entries WHERE operation = 'second' AND actor_name = $1`,
    [actor],
  );
  boundary = rows[0]?.at.toISOString() ?? '';
  while ((await pool.query('SELECT clock_timestamp() <= $1::timestamptz AS early', [boundary])).rows[0].early) {}
  await writer.write([
    auditEntryDraft({ actorName: actor, operation: 'third', ...about(family.spouse), itemsDenied: ['VEHICLE'] }),
    auditEntryDraft({ actorName: actor, operation: 'fourth', ...about(stranger.head), decision: 'DENIED' }),
  ]);
  await writer.close();
});

const trail = (filter: Record<string, unknown>, options: { first?: number; after?: string } = {}) =>
  hub.graphql<Trail>(ENTRIES, { token: auditorToken, variables: { filter, ...options } });
const operations = (answer: { data?: Trail | null }) =>
  answer.data?.auditEntries.edges.map((edge) => edge.node.operation);

describe('auditEntries', () => {
  it('lists entries newest first, with a total, and masks the subject identity number', async () => {
    const answer = await trail({ actorName: actor });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.auditEntries.totalCount).toBe(4);
    expect(operations(answer)).toEqual(['fourth', 'third', 'second', 'first']);
    const first = answer.data?.auditEntries.edges[3]?.node;
    const idNumber = family.head.idNumber;
    expect(first?.subjectIdNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(JSON.stringify(answer)).not.toContain(idNumber);
    expect(first?.department).toEqual({ id: departmentId });
  });

  it('pages through the entries with first and after', async () => {
    const page1 = await trail({ actorName: actor }, { first: 3 });
    expect(operations(page1)).toEqual(['fourth', 'third', 'second']);
    expect(page1.data?.auditEntries.pageInfo.hasNextPage).toBe(true);
    const page2 = await trail({ actorName: actor }, { first: 3, after: page1.data?.auditEntries.pageInfo.endCursor });
    expect(operations(page2)).toEqual(['first']);
    expect(page2.data?.auditEntries.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['departmentId', () => ({ departmentId }), ['first']],
    ['itemCode, disclosed or denied', () => ({ itemCode: 'BANK_DEPOSIT' }), ['second']],
    ['itemCode, denied only', () => ({ itemCode: 'VEHICLE' }), ['third']],
    ['decision', () => ({ decision: 'DENIED' }), ['fourth']],
    ['occurredTo', () => ({ occurredTo: boundary }), ['second', 'first']],
    ['occurredFrom', () => ({ occurredFrom: boundary }), ['fourth', 'third']],
    ['a departmentId that is no UUID', () => ({ departmentId: 'nope' }), []],
  ])('filters by %s', async (_name, filter, expected) => {
    const answer = await trail({ actorName: actor, ...filter() });
    expect(answer.errors).toBeUndefined();
    expect(operations(answer)).toEqual(expected);
    expect(answer.data?.auditEntries.totalCount).toBe(expected.length);
  });

  it("finds a person's history: entries about them and about their household, not their relatives", async () => {
    const answer = await trail({ actorName: actor, subjectIdNumber: family.head.idNumber });
    expect(operations(answer)).toEqual(['second', 'first']);
  });

  it('records the look-up itself against that person', async () => {
    const answer = await hub.graphql(
      `query WhoSawHim($id: String!) { auditEntries(filter: { subjectIdNumber: $id }) { totalCount } }`,
      {
        token: auditorToken,
        variables: { id: stranger.head.idNumber },
      },
    );
    expect(answer.errors).toBeUndefined();
    const { rows } = await pool.query(
      'SELECT subject_person_id, operation, decision FROM audit_entries WHERE request_id = $1',
      [answer.headers.get('x-request-id')],
    );
    expect(rows).toEqual([{ subject_person_id: stranger.head.id, operation: 'WhoSawHim', decision: 'ALLOWED' }]);
    const history = await trail({ subjectIdNumber: stranger.head.idNumber });
    expect(operations(history)).toEqual(['WhoSawHim', 'fourth']);
  });

  it('refuses an invalid identity number with BAD_USER_INPUT', async () => {
    const answer = await trail({ subjectIdNumber: '640104198503070011' });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID_NUMBER' });
  });

  it.each([
    ['a verification officer', () => officerToken, 'FORBIDDEN'],
    ['an anonymous caller', () => undefined, 'UNAUTHENTICATED'],
  ])('is refused to %s, as is auditChainStatus', async (_caller, token, code) => {
    const answer = await hub.graphql('{ auditEntries { totalCount } auditChainStatus { intact } }', { token: token() });
    expect(answer.data).toEqual({ auditEntries: null, auditChainStatus: null });
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([code, code]);
  });
});

describe('auditChainStatus', () => {
  it('tells an auditor the chain is intact', async () => {
    const answer = await hub.graphql<{ auditChainStatus: Record<string, unknown> }>(
      '{ auditChainStatus { intact entries firstBrokenSequence firstBrokenId problem detail } }',
      { token: auditorToken },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.auditChainStatus).toMatchObject({ intact: true, firstBrokenSequence: null, problem: null });
    expect(answer.data?.auditChainStatus.entries).toBeGreaterThan(4);
  });
});
