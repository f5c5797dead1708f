import type { PrismaClient, User, UserRole } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { changeReason } from '../audit/change-reason.ts';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findUser } from './find-user.ts';

/** A user's new role applies from their next request; their sessions stay. The same role again changes nothing. */
export async function changeUserRole(
  prisma: PrismaClient,
  userId: string,
  role: UserRole,
  reason: string,
  actor: ChangeActor,
): Promise<User> {
  const why = changeReason(reason);
  const user = await findUser(prisma, userId);
  if (user.id === actor.userId) {
    throw conflictError('INVALID_TRANSITION', 'you cannot change your own role: ask another administrator');
  }
  return prisma.$transaction(async (tx) => {
    // Locked, so that the old role the event records is the one this change replaced.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (before.role === role) return before;
    const changed = await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordChangeEvent(tx, actor, {
      type: 'USER_ROLE_CHANGED',
      reason: why,
      userId: user.id,
      username: user.username,
      changes: [{ field: 'role', old: before.role, new: role }],
    });
    return changed;
  });
}
