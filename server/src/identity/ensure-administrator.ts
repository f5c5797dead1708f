import type { PrismaClient } from '@hub/prisma';
import { fieldChanges } from '@hub/schema/change-events';
import { systemChangeActor } from '../audit/change-actors.ts';
import { recordChangeEvent } from '../audit/record-change-event.ts';
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
  const fields = {
    username: administrator.username,
    displayName: administrator.displayName,
    role: 'ADMIN' as const,
    departmentId: department.id,
  };
  return prisma.$transaction(async (tx) => {
    // Two processes starting at once: the second finds the name taken and creates nothing.
    const { count } = await tx.user.createMany({ data: [{ ...fields, passwordHash }], skipDuplicates: true });
    if (count !== 1) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { username: administrator.username } });
    await recordChangeEvent(tx, systemChangeActor('ensure administrator'), {
      type: 'USER_CREATED',
      reason: null,
      userId: user.id,
      username: user.username,
      changes: fieldChanges(null, fields),
    });
    return true;
  });
}
