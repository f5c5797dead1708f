import { createPrismaClient } from '@hub/prisma';
import { ensureAdministrator } from '@hub/server/identity/ensure-administrator';
import { verifyPassword } from '@hub/server/identity/hash-password';
import { afterAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 4 });
afterAll(() => prisma.$disconnect());

describe('ensureAdministrator', () => {
  it('creates the administrator once and leaves an existing one as it is', async () => {
    const region = await createRegion(prisma);
    const department = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
    const administrator = {
      username: 'first-admin',
      password: 'a long first password',
      displayName: '系统管理员',
      departmentCode: department.code,
    };
    expect(await ensureAdministrator(prisma, administrator)).toBe(true);
    expect(await ensureAdministrator(prisma, { ...administrator, password: 'another password' })).toBe(false);

    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'first-admin' } });
    expect(user).toMatchObject({ role: 'ADMIN', departmentId: department.id, displayName: '系统管理员' });
    expect(await verifyPassword(user.passwordHash, 'a long first password')).toBe(true);
  });

  it('creates exactly one administrator when two processes start at once', async () => {
    const region = await createRegion(prisma);
    const department = await createDepartment(prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
    const administrator = {
      username: 'racing-admin',
      password: 'pw',
      displayName: '管理员',
      departmentCode: department.code,
    };
    const created = await Promise.all([
      ensureAdministrator(prisma, administrator),
      ensureAdministrator(prisma, administrator),
    ]);
    expect(created.filter(Boolean)).toHaveLength(1);
  });

  it('names the department when its code is unknown', async () => {
    await expect(
      ensureAdministrator(prisma, { username: 'x', password: 'pw', displayName: 'x', departmentCode: 'NO_SUCH_DEPT' }),
    ).rejects.toThrow('NO_SUCH_DEPT');
  });
});
