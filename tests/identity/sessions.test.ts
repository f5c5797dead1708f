import { createHash } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const ME = '{ me { username role } }';
const PERSON = '{ person(idNumber: "11010519491231002X") { name } }';

let departmentId: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code })).id;
});

async function loggedInAdmin() {
  const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
  return { user, token: await hub.logIn(user.username, password) };
}

/** Every text value in the database, as one string: the raw token must appear nowhere. */
async function dumpDatabase(): Promise<string> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT string_agg(t::text, E'\\n') AS dump FROM sessions t`);
    const { rows: users } = await client.query(`SELECT string_agg(t::text, E'\\n') AS dump FROM users t`);
    return `${rows[0].dump}\n${users[0].dump}`;
  } finally {
    await client.end();
  }
}

describe('sessions', () => {
  it('authenticates requests that carry the bearer token', async () => {
    const { user, token } = await loggedInAdmin();
    expect((await hub.graphql(ME, { token })).data).toEqual({ me: { username: user.username, role: 'ADMIN' } });
    expect((await hub.graphql(ME)).data).toEqual({ me: null });
  });

  it('stores only the SHA-256 of the token, never the token', async () => {
    const { user, token } = await loggedInAdmin();
    const sessions = await hub.prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((session) => session.tokenHash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    expect(await dumpDatabase()).not.toContain(token);
  });

  it('stops accepting the token after logOut', async () => {
    const { user, token } = await loggedInAdmin();
    const answer = await hub.graphql('mutation { logOut }', { token });
    expect(answer).toMatchObject({ data: { logOut: true } });
    expect(await hub.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await hub.graphql(ME, { token })).data).toEqual({ me: null });
    expect((await hub.graphql(PERSON, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses logOut to an anonymous caller with UNAUTHENTICATED', async () => {
    const answer = await hub.graphql('mutation { logOut }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('treats an expired session as anonymous: UNAUTHENTICATED', async () => {
    const { user, token } = await loggedInAdmin();
    await hub.prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const answer = await hub.graphql(PERSON, { token });
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("ends a disabled user's sessions at once", async () => {
    const { user, token } = await loggedInAdmin();
    await hub.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await hub.graphql(PERSON, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a malformed Authorization header', async () => {
    const answer = await hub.graphql(ME, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(answer).toMatchObject({ data: { me: null } });
  });
});
