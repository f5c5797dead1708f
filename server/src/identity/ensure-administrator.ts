import type { PrismaClient } from '@hub/prisma';
import { hashPassword } from './hash-password.ts';

/**
 * Creates the user as an ADMIN of the department unless a user of that name exists (whose password stays as it is).
 * Returns whether it created the user.
 */
export async function ensureAdministrator(
  prisma: PrismaClient,
  administrator: { username: string; password: string; displayName: string; departmentCode: string },
): Promise<boolean> {
  if (await prisma.user.findUnique({ where: { username: administrator.username }, select: { id: true } })) {
    return false;
  }
  const department = await prisma.department.findUnique({ where: { code: administrator.departmentCode } });
  if (!department) throw new Error(`no department has the code ${administrator.departmentCode}`);
  const passwordHash = await hashPassword(administrator.password);
  const { count } = await prisma.user.createMany({
    data: [
      {
        username: administrator.username,
        displayName: administrator.displayName,
        passwordHash,
        role: 'ADMIN',
        departmentId: department.id,
      },
    ],
    // Two processes starting at once: the second finds the name taken and creates nothing.
    skipDuplicates: true,
  });
  return count === 1;
}
