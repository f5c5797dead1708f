import type { PrismaClient } from '@hub/prisma';
import type { IdentityService } from '@hub/schema/context';
import { changeOwnPassword } from './change-own-password.ts';
import { changeUserRole } from './change-user-role.ts';
import { createUser } from './create-user.ts';
import { disableUser } from './disable-user.ts';
import { logIn } from './log-in.ts';
import { resetUserPassword } from './reset-user-password.ts';
import { revokeSession } from './revoke-session.ts';
import type { SessionPolicy } from './session-policy.ts';

export function createIdentityService(prisma: PrismaClient, policy: Partial<SessionPolicy> = {}): IdentityService {
  return {
    logIn: (credentials) => logIn(prisma, credentials, { sessionTtlMs: policy.ttlMs, sessionIdleMs: policy.idleMs }),
    logOut: (sessionId) => revokeSession(prisma, sessionId),
    createUser: (input, actor) => createUser(prisma, input, actor),
    disableUser: (userId, reason, actor) => disableUser(prisma, userId, reason, actor),
    changeUserRole: (userId, role, reason, actor) => changeUserRole(prisma, userId, role, reason, actor),
    changeOwnPassword: (change) => changeOwnPassword(prisma, change),
    resetUserPassword: (userId, newPassword, reason, actor) =>
      resetUserPassword(prisma, userId, newPassword, reason, actor),
  };
}
