import type { PrismaClient } from '@hub/prisma';
import type { LogInOutcome } from '@hub/schema/context';
import { createSession } from './create-session.ts';
import { verifyDecoyPassword, verifyPassword } from './hash-password.ts';
import { admitLogInAttempt, forgiveLogInFailures } from './log-in-throttle.ts';

/**
 * Checks a username and password and starts a session. An unknown user and a wrong password get the same answer
 * after the same argon2 work; failures slow down further tries of that username from that source address
 * (log-in-throttle.ts), never the account itself, so no one can lock its owner out.
 */
export async function logIn(
  prisma: PrismaClient,
  credentials: { username: string; password: string; sourceAddress: string },
  options: { now?: Date; sessionTtlMs?: number; sessionIdleMs?: number } = {},
): Promise<LogInOutcome> {
  const throttle = await admitLogInAttempt(prisma, credentials);
  if (!throttle.admitted)
    return { kind: 'THROTTLED', retryAt: throttle.retryAt, retryAfterSeconds: throttle.retryAfterSeconds };
  const user = await prisma.user.findUnique({ where: { username: credentials.username } });
  if (!user) {
    await verifyDecoyPassword(credentials.password);
    return { kind: 'INVALID_CREDENTIALS' };
  }
  if (!(await verifyPassword(user.passwordHash, credentials.password))) return { kind: 'INVALID_CREDENTIALS' };
  if (user.disabledAt) return { kind: 'ACCOUNT_DISABLED' };
  await forgiveLogInFailures(prisma, credentials);
  const session = await createSession(prisma, user.id, {
    now: options.now,
    ttlMs: options.sessionTtlMs,
    idleMs: options.sessionIdleMs,
  });
  return { kind: 'LOGGED_IN', ...session, user };
}
