import { logIn as logInDirectly } from '@hub/server/identity/log-in';
import { FREE_FAILURES, MAX_DELAY_SECONDS } from '@hub/server/identity/log-in-throttle';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const LOG_IN = `mutation ($username: String!, $password: String!) {
  logIn(username: $username, password: $password) { token expiresAt user { username role department { code } } }
}`;

let departmentId: string;
let departmentCode: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  departmentId = department.id;
  departmentCode = department.code;
});

const logIn = (username: string, password: string) => hub.graphql(LOG_IN, { variables: { username, password } });

// Time passing, without waiting for it: the pair's current wait ends now.
const waitOut = (username: string) =>
  hub.prisma.logInThrottle.updateMany({ where: { username }, data: { blockedUntil: new Date(Date.now() - 1000) } });

describe('logIn', () => {
  it('starts a 12-hour session for the right password and answers with the user', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId });
    const before = Date.now();
    const answer = await logIn(user.username, password);
    expect(answer.errors).toBeUndefined();
    const payload = (answer.data as { logIn: { token: string; expiresAt: string } }).logIn;
    expect(payload).toMatchObject({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { username: user.username, role: 'VERIFICATION_OFFICER', department: { code: departmentCode } },
    });
    const lifetime = Date.parse(payload.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
  });

  it('gives the same generic answer for a wrong password and for an unknown user', async () => {
    const { user } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    const wrongPassword = await logIn(user.username, 'not the password');
    const unknownUser = await logIn(`nobody-${user.username}`, 'not the password');
    for (const answer of [wrongPassword, unknownUser]) {
      expect(answer.data).toBeNull();
      expect(answer.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
        {
          message: 'invalid username or password',
          extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' },
        },
      ]);
    }
  });

  it('throttles a known and an unknown username alike, without telling them apart', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    const unknown = `nobody-${user.username}`;
    const answersFor = async (username: string) => {
      const answers = [];
      for (let i = 1; i <= FREE_FAILURES; i++) answers.push(await logIn(username, `wrong ${i}`));
      answers.push(await logIn(username, username === user.username ? password : 'anything'));
      return answers.map(({ data, errors }) => ({
        data,
        errors: errors?.map(({ message, extensions }) => ({
          message,
          extensions: { ...extensions, retryAt: 'T' } as Record<string, unknown>,
        })),
      }));
    };
    const known = await answersFor(user.username);
    expect(await answersFor(unknown)).toEqual(known);
    expect(known.slice(0, FREE_FAILURES).map((answer) => answer.errors?.[0]?.extensions?.reason)).toEqual(
      Array(FREE_FAILURES).fill('INVALID_CREDENTIALS'),
    );
    expect(known[FREE_FAILURES]).toEqual({
      data: null,
      errors: [
        {
          message: 'too many failed log-ins for this username from your address: try again in 1 s',
          extensions: { code: 'LOG_IN_THROTTLED', retryAfterSeconds: 1, retryAt: 'T' },
        },
      ],
    });
  });

  it('makes each further failure wait twice as long, up to 15 minutes', async () => {
    const { user } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    for (let i = 1; i <= FREE_FAILURES; i++) await logIn(user.username, 'wrong');
    const waits = [];
    for (let i = 0; i < 4; i++) {
      const refused = await logIn(user.username, 'wrong');
      expect(refused.errors?.[0]?.extensions?.code).toBe('LOG_IN_THROTTLED');
      waits.push(refused.errors?.[0]?.extensions?.retryAfterSeconds);
      await waitOut(user.username);
      // The wait is over: the next try is heard again, fails, and sets the next, longer wait.
      expect((await logIn(user.username, 'wrong')).errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    await hub.prisma.logInThrottle.updateMany({ where: { username: user.username }, data: { failures: 40 } });
    await waitOut(user.username);
    await logIn(user.username, 'wrong');
    const longest = await logIn(user.username, 'wrong');
    expect(longest.errors?.[0]?.extensions?.retryAfterSeconds).toBe(MAX_DELAY_SECONDS);
  });

  it('never locks the owner out: the same username from another address logs in', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    for (let i = 0; i <= FREE_FAILURES; i++) await logIn(user.username, 'wrong');
    expect((await logIn(user.username, password)).errors?.[0]?.extensions?.code).toBe('LOG_IN_THROTTLED');
    const elsewhere = await logInDirectly(hub.prisma, {
      username: user.username,
      password,
      sourceAddress: '203.0.113.7',
    });
    expect(elsewhere.kind).toBe('LOGGED_IN');
  });

  it('counts in PostgreSQL, per username and address, and forgets the count on success', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    await logIn(user.username, 'wrong');
    await logIn(user.username, 'wrong');
    expect(await hub.prisma.logInThrottle.findMany({ where: { username: user.username } })).toMatchObject([
      { sourceAddress: '127.0.0.1', failures: 2, blockedUntil: null },
    ]);
    expect((await logIn(user.username, password)).errors).toBeUndefined();
    expect(await hub.prisma.logInThrottle.count({ where: { username: user.username } })).toBe(0);
    expect((await logIn(user.username, 'wrong')).errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('tells a disabled user with the right password that the account is disabled', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    await hub.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await logIn(user.username, password)).errors?.[0]?.extensions?.code).toBe('ACCOUNT_DISABLED');
    expect((await logIn(user.username, 'wrong')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores passwords only as argon2id hashes', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'AUDITOR', departmentId });
    const stored = await hub.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(password);
  });
});
