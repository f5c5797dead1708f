import { verifyAuditChain } from '@hub/server/audit/verify-audit-chain';
import { createHttpApp } from '@hub/server/http/create-http-app';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(() => pool.end());

let departmentId: string;
beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code })).id;
});

interface EntryRow {
  actor_kind: string;
  actor_name: string;
  user_id: string | null;
  department_id: string | null;
  operation: string;
  decision: string;
  subject_person_id: string | null;
  client_address: string | null;
}

async function entriesOf(requestId: string | null): Promise<EntryRow[]> {
  const { rows } = await pool.query<EntryRow>('SELECT * FROM audit_entries WHERE request_id = $1', [requestId]);
  return rows;
}

describe('every GraphQL request leaves audit evidence', () => {
  it('writes exactly one entry per request about nobody, in one intact chain, for 100 parallel requests', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => hub.graphql('query WhoAmI { me { id } }')));
    const requestIds = answers.map((answer) => answer.headers.get('x-request-id'));
    expect(new Set(requestIds).size).toBe(100);
    const { rows } = await pool.query<{ request_id: string; n: number }>(
      'SELECT request_id, count(*)::int AS n FROM audit_entries WHERE request_id = ANY($1) GROUP BY request_id',
      [requestIds],
    );
    expect(rows).toHaveLength(100);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    expect(await verifyAuditChain(pool)).toMatchObject({ intact: true });
  });

  it('records who asked, from where, and the operation by name', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    const token = await hub.logIn(user.username, password);
    const answer = await hub.graphql('query WhoAmI { me { id } }', { token });
    expect(await entriesOf(answer.headers.get('x-request-id'))).toMatchObject([
      {
        actor_kind: 'USER',
        actor_name: user.username,
        user_id: user.id,
        department_id: departmentId,
        operation: 'WhoAmI',
        decision: 'ALLOWED',
        subject_person_id: null,
        client_address: '127.0.0.1',
      },
    ]);
  });

  it('names an anonymous operation by its root fields', async () => {
    const answer = await hub.graphql('{ me { id } regions { code } }');
    expect(await entriesOf(answer.headers.get('x-request-id'))).toMatchObject([
      { actor_kind: 'ANONYMOUS', actor_name: 'anonymous', operation: 'me,regions', decision: 'DENIED' },
    ]);
  });

  it('records a refused request as DENIED', async () => {
    const answer = await hub.graphql('{ households(first: 1) { totalCount } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await entriesOf(answer.headers.get('x-request-id'))).toMatchObject([
      { operation: 'households', decision: 'DENIED' },
    ]);
  });

  it('records requests that do not parse or do not validate', async () => {
    const unparsable = await hub.graphql('{ me { id ');
    const invalid = await hub.graphql('query Nosy { nosuchfield }');
    expect([unparsable.status, invalid.status]).toEqual([400, 400]);
    expect(await entriesOf(unparsable.headers.get('x-request-id'))).toMatchObject([
      { operation: '(unparsable)', decision: 'ALLOWED' },
    ]);
    expect(await entriesOf(invalid.headers.get('x-request-id'))).toMatchObject([{ operation: 'Nosy' }]);
  });
});

describe('audit: false, for benchmarks only', () => {
  it('answers without writing entries', async () => {
    const http = await createHttpApp({ databaseUrl: db.url, audit: false });
    try {
      const response = await http.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ me { id } }' } });
      expect(response.statusCode).toBe(200);
      expect(await entriesOf(String(response.headers['x-request-id']))).toEqual([]);
    } finally {
      await http.close();
    }
  });
});

describe('when the audit trail cannot be written', () => {
  it('withholds the answer: 503, one AUDIT_UNAVAILABLE error, no data', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    await pool.query(`
      CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_audit();`);
    try {
      const answer = await hub.graphql(
        'mutation ($username: String!, $password: String!) { logIn(username: $username, password: $password) { token } }',
        { variables: { username: user.username, password } },
      );
      expect(answer.status).toBe(503);
      expect(answer).not.toHaveProperty('data');
      expect(answer.errors).toEqual([
        {
          message: 'the audit trail is unavailable, so the answer was withheld; retry in a moment',
          extensions: { code: 'AUDIT_UNAVAILABLE' },
        },
      ]);
      expect(answer.headers.get('retry-after')).toBe('1');
    } finally {
      await pool.query('DROP TRIGGER fail_audit ON audit_entries; DROP FUNCTION fail_audit()');
    }
    const token = await hub.logIn(user.username, password);
    expect((await hub.graphql('{ me { username } }', { token })).data).toEqual({ me: { username: user.username } });
  });
});
