import { beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const CREATE = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }';
const CHANGE = `mutation ($currentPassword: String!, $newPassword: String!) {
  changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
const RESET = `mutation ($userId: ID!, $newPassword: String!) {
  resetUserPassword(userId: $userId, newPassword: $newPassword) { username }
}`;
const NEW_PASSWORD = 'lantern orchard 42 quietly';

let departmentId: string;
let admin: string;

beforeAll(async () => {
  const { code: regionCode } = await createRegion(hub.prisma);
  departmentId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode })).id;
  const administrator = await createUser(hub.prisma, { role: 'ADMIN', departmentId });
  admin = await hub.logIn(administrator.user.username, administrator.password);
});

const me = (token: string) => hub.graphql<{ me: { username: string } | null }>('{ me { username } }', { token });

describe('password strength', () => {
  it.each([
    ['twelve a', 'aaaaaaaaaaaa'],
    ['twelve spaces', ' '.repeat(12)],
    ['a common password with digits', 'password1234'],
    ['a keyboard row', 'qwertyuiop12'],
  ])('refuses %s with WEAK_PASSWORD and the estimator feedback', async (_name, password) => {
    const answer = await hub.graphql(CREATE, {
      token: admin,
      variables: {
        input: { username: `weak${uniqueNumber()}`, displayName: '核对员', password, role: 'AUDITOR', departmentId },
      },
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.message).toMatch(/^password: too easy to guess\. \S/);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WEAK_PASSWORD',
      field: 'password',
      score: expect.any(Number),
      suggestions: expect.arrayContaining([expect.any(String)]),
    });
  });

  it('accepts a long passphrase', async () => {
    const answer = await hub.graphql(CREATE, {
      token: admin,
      variables: {
        input: {
          username: `strong${uniqueNumber()}`,
          displayName: '核对员',
          password: NEW_PASSWORD,
          role: 'AUDITOR',
          departmentId,
        },
      },
    });
    expect(answer.errors).toBeUndefined();
  });
});

describe('changeOwnPassword', () => {
  it('sets the new password, ends the other sessions and keeps this one', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId });
    const here = await hub.logIn(user.username, password);
    const elsewhere = await hub.logIn(user.username, password);
    const answer = await hub.graphql(CHANGE, {
      token: here,
      variables: { currentPassword: password, newPassword: NEW_PASSWORD },
    });
    expect(answer).toMatchObject({ data: { changeOwnPassword: true } });
    expect(answer.errors).toBeUndefined();
    expect((await me(here)).data?.me?.username).toBe(user.username);
    expect((await me(elsewhere)).data?.me).toBeNull();
    expect(await hub.logIn(user.username, NEW_PASSWORD)).toEqual(expect.any(String));
    await expect(hub.logIn(user.username, password)).rejects.toThrow(/INVALID_CREDENTIALS/);
  });

  it('puts the change on the audit trail as USER_PASSWORD_CHANGED, never the password', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId });
    const here = await hub.logIn(user.username, password);
    await hub.logIn(user.username, password);
    const answer = await hub.graphql(CHANGE, {
      token: here,
      variables: { currentPassword: password, newPassword: NEW_PASSWORD },
    });
    expect(answer.errors).toBeUndefined();
    const entries = await hub.prisma.auditEntry.findMany({
      where: { event: 'USER_PASSWORD_CHANGED', actorName: user.username },
      select: { operation: true, change: true },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.operation).toBe('changeOwnPassword');
    expect(entries[0]?.change).toMatchObject({
      userId: user.id,
      changes: [{ field: 'sessionsEnded', old: 1, new: 0 }],
    });
    expect(JSON.stringify(entries[0]?.change)).not.toContain('lantern');
  });

  it('refuses a wrong current password and a weak new one, changing nothing', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'AUDITOR', departmentId });
    const token = await hub.logIn(user.username, password);
    const before = await hub.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const wrong = await hub.graphql(CHANGE, {
      token,
      variables: { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ reason: 'WRONG_PASSWORD', field: 'currentPassword' });
    const weak = await hub.graphql(CHANGE, {
      token,
      variables: { currentPassword: password, newPassword: 'aaaaaaaaaaaa' },
    });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ reason: 'WEAK_PASSWORD', field: 'newPassword' });
    const same = await hub.graphql(CHANGE, { token, variables: { currentPassword: password, newPassword: password } });
    expect(same.errors?.[0]?.extensions).toMatchObject({ reason: 'WEAK_PASSWORD', field: 'newPassword' });
    const after = await hub.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it('refuses anonymous callers and API clients', async () => {
    const variables = { currentPassword: 'whatever it is', newPassword: NEW_PASSWORD };
    expect((await hub.graphql(CHANGE, { variables })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await createPartnerToken(hub.prisma, departmentId);
    expect((await hub.graphql(CHANGE, { token: partner, variables })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('resetUserPassword', () => {
  it('lets an administrator set a user password and ends every session of that user', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId });
    const session = await hub.logIn(user.username, password);
    const answer = await hub.graphql(RESET, {
      token: admin,
      variables: { userId: user.id, newPassword: NEW_PASSWORD },
    });
    expect(answer.errors).toBeUndefined();
    expect((await me(session)).data?.me).toBeNull();
    expect(await hub.logIn(user.username, NEW_PASSWORD)).toEqual(expect.any(String));
    const weak = await hub.graphql(RESET, {
      token: admin,
      variables: { userId: user.id, newPassword: ' '.repeat(12) },
    });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ reason: 'WEAK_PASSWORD', field: 'newPassword' });
  });

  it('is for administrators only', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId });
    const token = await hub.logIn(user.username, password);
    const answer = await hub.graphql(RESET, { token, variables: { userId: user.id, newPassword: NEW_PASSWORD } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.logIn(user.username, password)).toEqual(expect.any(String));
  });
});
