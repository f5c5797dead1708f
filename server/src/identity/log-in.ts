import type { PrismaClient } from '@hub/prisma';
import type { LogInOutcome } from '@hub/schema/context';
import { createSession } from './create-session.ts';
import { verifyDecoyPassword, verifyPassword } from './hash-password.ts';

export const MAX_CONSECUTIVE_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * Checks a username and password and starts a session. An unknown user and a wrong password get the same answer;
 * after five consecutive failures the account is locked for fifteen minutes, even to the right password.
 */
export async function logIn(
  prisma: PrismaClient,
  credentials: { username: string; password: string },
  options: { now?: Date; sessionTtlMs?: number; sessionIdleMs?: number } = {},
): Promise<LogInOutcome> {
  const now = options.now ?? new Date();
  const user = await prisma.user.findUnique({ where: { username: credentials.username } });
  if (!user) {
    await verifyDecoyPassword(credentials.password);
    return { kind: 'INVALID_CREDENTIALS' };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { kind: 'ACCOUNT_LOCKED', lockedUntil: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, credentials.password))) {
    return recordFailedLogIn(prisma, user.id, now);
  }
  if (user.disabledAt) return { kind: 'ACCOUNT_DISABLED' };
  const cleared = await prisma.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null },
  });
  const session = await createSession(prisma, user.id, {
    now,
    ttlMs: options.sessionTtlMs,
    idleMs: options.sessionIdleMs,
  });
  return { kind: 'LOGGED_IN', ...session, user: cleared };
}

// Five consecutive failures lock the account for fifteen minutes; the count starts again after the lock.
async function recordFailedLogIn(prisma: PrismaClient, userId: string, now: Date): Promise<LogInOutcome> {
  const { failedLoginCount } = await prisma.user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (failedLoginCount < MAX_CONSECUTIVE_FAILED_LOGINS) return { kind: 'INVALID_CREDENTIALS' };
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
  await prisma.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil } });
  return { kind: 'ACCOUNT_LOCKED', lockedUntil };
}
