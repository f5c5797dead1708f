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

const CREATE = `mutation ($input: CreateDepartmentInput!) {
  createDepartment(input: $input) { id code name kind region { code } apiClientCount }
}`;
const UPDATE = `mutation ($id: ID!, $input: UpdateDepartmentInput!) {
  updateDepartment(id: $id, input: $input) { id code name kind region { code } }
}`;

let regionCode: string;
let otherRegionCode: string;
const tokens = { admin: '', officer: '', auditor: '', partner: '' };

const newCode = () => `HOUSING_${uniqueNumber()}`;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  otherRegionCode = (await createRegion(hub.prisma)).code;
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  for (const [who, role] of [
    ['admin', 'ADMIN'],
    ['officer', 'VERIFICATION_OFFICER'],
    ['auditor', 'AUDITOR'],
  ] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    tokens[who] = await hub.logIn(user.username, password);
  }
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
  tokens.partner = await createPartnerToken(hub.prisma, housing.id);
});

describe('createDepartment', () => {
  it('creates a department that department(id:) then shows, with no API clients yet', async () => {
    const code = newCode();
    const created = await hub.graphql<{ createDepartment: { id: string } }>(CREATE, {
      token: tokens.admin,
      variables: { input: { code, name: ' 银川市住建局 ', kind: 'HOUSING', regionCode } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createDepartment).toMatchObject({
      code,
      name: '银川市住建局',
      kind: 'HOUSING',
      region: { code: regionCode },
      apiClientCount: 0,
    });
    const id = created.data?.createDepartment.id;
    const read = await hub.graphql('query ($id: ID!) { department(id: $id) { code name } }', {
      token: tokens.officer,
      variables: { id },
    });
    expect(read.data).toEqual({ department: { code, name: '银川市住建局' } });
  });

  it('refuses a code another department has with CONFLICT/CODE_TAKEN and creates nothing', async () => {
    const code = newCode();
    const input = { code, name: '甲', kind: 'HOUSING', regionCode };
    expect((await hub.graphql(CREATE, { token: tokens.admin, variables: { input } })).errors).toBeUndefined();
    const again = await hub.graphql(CREATE, { token: tokens.admin, variables: { input: { ...input, name: '乙' } } });
    expect(again.errors?.[0]).toMatchObject({
      message: `code: another department already has the code ${code}; choose another`,
      extensions: { code: 'CONFLICT', reason: 'CODE_TAKEN', field: 'code' },
    });
    expect(await hub.prisma.department.findMany({ where: { code }, select: { name: true } })).toEqual([{ name: '甲' }]);
  });

  it.each([
    ['a lower-case code', { code: 'housing_1' }, 'INVALID_CODE', 'code'],
    ['a code with a space', { code: 'HOUSING 1' }, 'INVALID_CODE', 'code'],
    ['a blank name', { name: '   ' }, 'BLANK_VALUE', 'name'],
    ['an unknown region', { regionCode: '999999999998' }, 'UNKNOWN_REGION', 'regionCode'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, change, reason, field) => {
    const code = newCode();
    const input = { code, name: '某局', kind: 'HOUSING', regionCode, ...change };
    const answer = await hub.graphql(CREATE, { token: tokens.admin, variables: { input } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    expect(await hub.prisma.department.count({ where: { code: input.code } })).toBe(0);
  });

  it.each(['officer', 'auditor', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const code = newCode();
    const answer = await hub.graphql(CREATE, {
      token: tokens[who],
      variables: { input: { code, name: '某局', kind: 'HOUSING', regionCode } },
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await hub.prisma.department.count({ where: { code } })).toBe(0);
  });

  it('is refused to an anonymous caller with UNAUTHENTICATED', async () => {
    const answer = await hub.graphql(CREATE, {
      variables: { input: { code: newCode(), name: '某局', kind: 'HOUSING', regionCode } },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateDepartment', () => {
  it('renames a department and moves it to another region, keeping its code and kind', async () => {
    const department = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
    const answer = await hub.graphql(UPDATE, {
      token: tokens.admin,
      variables: { id: department.id, input: { name: '国家税务总局银川市税务局', regionCode: otherRegionCode } },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      updateDepartment: {
        id: department.id,
        code: department.code,
        name: '国家税务总局银川市税务局',
        kind: 'TAX',
        region: { code: otherRegionCode },
      },
    });
  });

  it('changes only what it is given', async () => {
    const department = await createDepartment(hub.prisma, { kind: 'TAX', regionCode, name: '旧名' });
    await hub.graphql(UPDATE, {
      token: tokens.admin,
      variables: { id: department.id, input: { regionCode: otherRegionCode } },
    });
    expect(await hub.prisma.department.findUnique({ where: { id: department.id } })).toMatchObject({
      name: '旧名',
      regionCode: otherRegionCode,
    });
  });

  it('refuses an unknown region and changes nothing', async () => {
    const department = await createDepartment(hub.prisma, { kind: 'TAX', regionCode, name: '旧名' });
    const answer = await hub.graphql(UPDATE, {
      token: tokens.admin,
      variables: { id: department.id, input: { name: '新名', regionCode: '999999999997' } },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REGION' });
    expect(await hub.prisma.department.findUnique({ where: { id: department.id } })).toMatchObject({
      name: '旧名',
      regionCode,
    });
  });

  it('answers NOT_FOUND for an id no department has', async () => {
    const answer = await hub.graphql(UPDATE, {
      token: tokens.admin,
      variables: { id: '00000000-0000-4000-8000-000000000000', input: { name: '某局' } },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is refused to a partner API client with FORBIDDEN', async () => {
    const department = await createDepartment(hub.prisma, { kind: 'TAX', regionCode, name: '旧名' });
    const answer = await hub.graphql(UPDATE, {
      token: tokens.partner,
      variables: { id: department.id, input: { name: '新名' } },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await hub.prisma.department.findUnique({ where: { id: department.id } }))?.name).toBe('旧名');
  });
});

describe('Department.apiClientCount', () => {
  it('counts the API clients that are not revoked, for administrators only', async () => {
    const department = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    await createPartnerToken(hub.prisma, department.id);
    await createPartnerToken(hub.prisma, department.id);
    const [first] = await hub.prisma.apiClient.findMany({ where: { departmentId: department.id } });
    await hub.prisma.apiClient.update({ where: { id: first?.id }, data: { revokedAt: new Date() } });
    const query = 'query ($id: ID!) { department(id: $id) { code apiClientCount } }';
    const admin = await hub.graphql(query, { token: tokens.admin, variables: { id: department.id } });
    expect(admin.data).toEqual({ department: { code: department.code, apiClientCount: 1 } });
    const officer = await hub.graphql(query, { token: tokens.officer, variables: { id: department.id } });
    expect(officer.data).toEqual({ department: { code: department.code, apiClientCount: null } });
    expect(officer.errors?.[0]).toMatchObject({
      path: ['department', 'apiClientCount'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
