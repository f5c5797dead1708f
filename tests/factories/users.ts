import type { PrismaClient, UserRole } from '@hub/prisma';
import { hashPassword } from '@hub/server/identity/hash-password';
import { uniqueNumber } from './unique.ts';

export async function createUser(
  prisma: PrismaClient,
  options: { role: UserRole; departmentId: string; password?: string; username?: string },
) {
  const n = uniqueNumber();
  const password = options.password ?? `correct horse ${n}`;
  const user = await prisma.user.create({
    data: {
      username: options.username ?? `user${n}`,
      displayName: `用户${n}`,
      passwordHash: await hashPassword(password),
      role: options.role,
      departmentId: options.departmentId,
    },
  });
  return { user, password };
}
