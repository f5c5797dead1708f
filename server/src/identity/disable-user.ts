import type { PrismaClient, User } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { changeReason } from '../audit/change-reason.ts';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findUser } from './find-user.ts';

/** A user who leaves can no longer log in, and every session of theirs ends; disabling twice keeps the first time. */
export async function disableUser(
  prisma: PrismaClient,
  userId: string,
  reason: string,
  actor: ChangeActor,
  now = new Date(),
): Promise<User> {
  const why = changeReason(reason);
  const user = await findUser(prisma, userId);
  if (user.id === actor.userId) {
    throw conflictError('INVALID_TRANSITION', 'you cannot disable yourself: ask another administrator');
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, disabledAt: null }, data: { disabledAt: now } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    const disabled = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (count === 1) {
      await recordChangeEvent(tx, actor, {
        type: 'USER_DISABLED',
        reason: why,
        userId: user.id,
        username: user.username,
        changes: [{ field: 'disabledAt', old: null, new: now.toISOString() }],
      });
    }
    return disabled;
  });
}
