import type { PrismaClient, User } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';
import { hashPassword } from './hash-password.ts';
import { checkPasswordPolicy } from './password-policy.ts';

/**
 * An administrator sets a user's password, for one who forgot theirs: the policy applies as to any new password,
 * and every session of that user ends, so whoever held one must log in with the new password.
 */
export async function resetUserPassword(prisma: PrismaClient, userId: string, newPassword: string): Promise<User> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw notFoundError('no such user');
  checkPasswordPolicy(newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  const [updated] = await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    prisma.session.deleteMany({ where: { userId: user.id } }),
  ]);
  return updated;
}
