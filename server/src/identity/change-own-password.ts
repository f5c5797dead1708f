import type { PrismaClient } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { badUserInputError, logInThrottledError } from '@hub/schema/errors';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { hashPassword, verifyPassword } from './hash-password.ts';
import { admitLogInAttempt, forgiveLogInFailures } from './log-in-throttle.ts';
import { checkPasswordPolicy } from './password-policy.ts';

/**
 * A user sets a new password: the current one must be given (a session left open is not enough), counted against
 * the same throttle as logging in; the new one must pass the policy and differ from it. The user's other sessions
 * end with the change, so a session someone else holds stops working; the one asking stays logged in. The trail
 * records a USER_PASSWORD_CHANGED event in the same transaction (who, the sessions ended), never the password.
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  change: {
    userId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    sourceAddress: string;
    actor: ChangeActor;
  },
): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: change.userId } });
  const attempt = { username: user.username, sourceAddress: change.sourceAddress };
  const throttle = await admitLogInAttempt(prisma, attempt);
  if (!throttle.admitted) throw logInThrottledError(throttle.retryAt, throttle.retryAfterSeconds);
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    throw badUserInputError('WRONG_PASSWORD', 'currentPassword: this is not your current password', {
      field: 'currentPassword',
    });
  }
  await forgiveLogInFailures(prisma, attempt);
  if (change.newPassword === change.currentPassword) {
    throw badUserInputError('WEAK_PASSWORD', 'newPassword: choose a password other than the current one', {
      field: 'newPassword',
    });
  }
  checkPasswordPolicy(change.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(change.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: change.sessionId } } });
    await recordChangeEvent(tx, change.actor, {
      type: 'USER_PASSWORD_CHANGED',
      reason: null,
      userId: user.id,
      username: user.username,
      changes: [{ field: 'sessionsEnded', old: count, new: 0 }],
    });
  });
}
