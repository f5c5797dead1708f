import { describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const database = await createTestDatabase();
const hub = await startTestApp(database.url);
const city = await createRegion(hub.prisma, { level: 'CITY' });
const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: city.code });
const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode: city.code });
const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: city.code });

async function permissionsOf(role: 'ADMIN' | 'VERIFICATION_OFFICER' | 'AUDITOR', departmentId: string) {
  const { user, password } = await createUser(hub.prisma, { role, departmentId });
  const token = await hub.logIn(user.username, password);
  const answer = await hub.graphql<{ viewerPermissions: string[] }>('{ viewerPermissions }', { token });
  expect(answer.errors).toBeUndefined();
  return answer.data?.viewerPermissions ?? [];
}

describe('viewerPermissions: what the access door lets a viewer do at all', () => {
  it('gives a civil-affairs officer the register, 核对申请 and its own spine, and nothing of an administrator', async () => {
    const permissions = await permissionsOf('VERIFICATION_OFFICER', centre.id);
    expect(permissions).toEqual(
      expect.arrayContaining(['REGISTER_EDIT', 'REQUESTS_SUBMIT', 'HOUSEHOLDS_LIST', 'PERSONS_LOOK_UP']),
    );
    expect(permissions).not.toContain('USERS_MANAGE');
    expect(permissions).not.toContain('AUDIT_READ');
  });

  it('refuses a bank’s officer the register, 核对申请 and households without an agreement that lists them', async () => {
    const permissions = await permissionsOf('VERIFICATION_OFFICER', bank.id);
    expect(permissions).toContain('DATASETS_DELIVER');
    for (const refused of ['REGISTER_EDIT', 'REQUESTS_SUBMIT', 'HOUSEHOLDS_LIST', 'PERSONS_LOOK_UP']) {
      expect(permissions).not.toContain(refused);
    }
  });

  it('lets a department look persons up and list households only as far as its active agreements reach', async () => {
    await createAgreement(hub.prisma, {
      consumerDepartmentId: housing.id,
      providerDepartmentId: centre.id,
      items: { PERSON_IDENTITY: 'MASKED', HOUSEHOLD_COMPOSITION: 'MASKED' },
    });
    const permissions = await permissionsOf('VERIFICATION_OFFICER', housing.id);
    expect(permissions).toContain('PERSONS_LOOK_UP');
    expect(permissions).not.toContain('HOUSEHOLDS_LIST'); // listing households needs the composition in full
  });

  it('gives an auditor the audit trail and agreements to read, and an administrator users and connectors', async () => {
    expect((await permissionsOf('AUDITOR', centre.id)).sort()).toEqual(
      ['AGREEMENTS_READ', 'AUDIT_READ', 'DISCLOSURES_READ'].sort(),
    );
    expect(await permissionsOf('ADMIN', centre.id)).toEqual(
      expect.arrayContaining(['USERS_MANAGE', 'CONNECTORS_MANAGE', 'REGIONS_IMPORT', 'AUDIT_READ']),
    );
  });

  it('answers an anonymous caller UNAUTHENTICATED', async () => {
    const answer = await hub.graphql('{ viewerPermissions }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
