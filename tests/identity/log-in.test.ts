import { LOCKOUT_MS, MAX_CONSECUTIVE_FAILED_LOGINS } from '@hub/server/identity/log-in';
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

  it(`locks the account for 15 minutes after ${MAX_CONSECUTIVE_FAILED_LOGINS} consecutive failures, even to the right password`, async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    for (let i = 1; i < MAX_CONSECUTIVE_FAILED_LOGINS; i++) {
      expect((await logIn(user.username, `wrong ${i}`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locking = await logIn(user.username, 'wrong again');
    expect(locking.errors?.[0]?.extensions?.code).toBe('ACCOUNT_LOCKED');

    const refused = await logIn(user.username, password);
    expect(refused.data).toBeNull();
    const error = refused.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAt: expect.any(String) });
    const retryAt = Date.parse(error?.extensions?.retryAt as string);
    expect(retryAt - Date.now()).toBeGreaterThan(LOCKOUT_MS - 60_000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(LOCKOUT_MS);
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error?.message).toContain('locked until');
  });

  it('lets the user in again once the lock has expired', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    await hub.prisma.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() - 1000), failedLoginCount: 0 },
    });
    const answer = await logIn(user.username, password);
    expect(answer.errors).toBeUndefined();
    const after = await hub.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
  });

  it('counts only consecutive failures: a success starts the count again', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
    for (let i = 1; i < MAX_CONSECUTIVE_FAILED_LOGINS; i++) await logIn(user.username, 'wrong');
    expect((await logIn(user.username, password)).errors).toBeUndefined();
    const answer = await logIn(user.username, 'wrong');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
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
