import type { PrismaClient, User } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findUser } from './find-user.ts';
import { hashPassword } from './hash-password.ts';
import { checkPasswordPolicy } from './password-policy.ts';

/**
 * An administrator sets a user's password, for one who forgot theirs: the policy applies as to any new password,
 * and every session of that user ends, so whoever held one must log in with the new password. The trail records
 * who reset whose password and why, never the password.
 */
export async function resetUserPassword(
  prisma: PrismaClient,
  userId: string,
  newPassword: string,
  reason: string | null,
  actor: ChangeActor,
): Promise<User> {
  const user = await findUser(prisma, userId);
  checkPasswordPolicy(newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordChangeEvent(tx, actor, {
      type: 'USER_PASSWORD_RESET',
      reason: reason?.trim() || null,
      userId: user.id,
      username: user.username,
      changes: [{ field: 'sessionsEnded', old: count, new: 0 }],
    });
    return updated;
  });
}
