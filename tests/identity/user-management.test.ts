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

const CREATE = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { id username displayName role department { id } }
}`;
const tokens = { admin: '', officer: '', auditor: '', partner: '' };
let departmentId: string;
const PASSWORD = 'four words make a passphrase';

const inputFor = (overrides: Record<string, unknown> = {}) => ({
  username: `officer${uniqueNumber()}`,
  displayName: '核对员',
  password: PASSWORD,
  role: 'VERIFICATION_OFFICER',
  departmentId,
  ...overrides,
});

beforeAll(async () => {
  const { code: regionCode } = await createRegion(hub.prisma);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  departmentId = civilAffairs.id;
  for (const [who, role] of [
    ['admin', 'ADMIN'],
    ['officer', 'VERIFICATION_OFFICER'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId });
    tokens[who] = await hub.logIn(user.username, password);
  }
  tokens.partner = await createPartnerToken(hub.prisma, departmentId);
});

describe('createUser', () => {
  it('creates a user who can then log in with the password, kept only as an argon2id hash', async () => {
    const input = inputFor();
    const answer = await hub.graphql(CREATE, { token: tokens.admin, variables: { input } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({
      createUser: { username: input.username, role: 'VERIFICATION_OFFICER', department: { id: departmentId } },
    });
    const stored = await hub.prisma.user.findUniqueOrThrow({ where: { username: input.username } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(await hub.logIn(input.username, PASSWORD)).toMatch(/.+/);
  });

  it('refuses a taken username with CONFLICT/CODE_TAKEN', async () => {
    const input = inputFor();
    await hub.graphql(CREATE, { token: tokens.admin, variables: { input } });
    const again = await hub.graphql(CREATE, { token: tokens.admin, variables: { input } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CODE_TAKEN', field: 'username' });
  });

  it.each([
    ['a password shorter than 12 characters', { password: 'short pass' }, 'WEAK_PASSWORD', 'password'],
    [
      'a password containing the username',
      { username: 'wangfang', password: 'my name is WangFang!' },
      'WEAK_PASSWORD',
      'password',
    ],
    ['a username with capitals', { username: 'WangFang' }, 'INVALID_CODE', 'username'],
    ['a blank display name', { displayName: ' ' }, 'BLANK_VALUE', 'displayName'],
    [
      'an unknown department',
      { departmentId: '00000000-0000-4000-8000-000000000000' },
      'UNKNOWN_DEPARTMENT',
      'departmentId',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, and creates nobody', async (_, change, reason, field) => {
    const input = inputFor(change);
    const answer = await hub.graphql(CREATE, { token: tokens.admin, variables: { input } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    expect(await hub.prisma.user.count({ where: { username: input.username as string } })).toBe(0);
  });

  it.each(['officer', 'auditor', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const input = inputFor();
    const answer = await hub.graphql(CREATE, { token: tokens[who], variables: { input } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.prisma.user.count({ where: { username: input.username } })).toBe(0);
  });
});

describe('users', () => {
  it('lists every user by username for an administrator', async () => {
    const answer = await hub.graphql<{ users: { username: string }[] }>('{ users { username role } }', {
      token: tokens.admin,
    });
    const usernames = answer.data?.users.map((user) => user.username) ?? [];
    expect(usernames.length).toBe(await hub.prisma.user.count());
    expect(usernames).toEqual([...usernames].sort());
  });

  it.each(['officer', 'auditor', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const answer = await hub.graphql('{ users { username } }', { token: tokens[who] });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
