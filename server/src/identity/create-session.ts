import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@hub/prisma';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;

/** Sessions are found by the SHA-256 of their token: a copy of the sessions table lets no one log in. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session, which ends at `expiresAt` or after `idleMs` without a request; the random 32-byte token is returned here once and never stored. */
export async function createSession(
  prisma: PrismaClient,
  userId: string,
  options: { now?: Date; ttlMs?: number; idleMs?: number } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? DEFAULT_SESSION_TTL_MS));
  const idleTimeoutSeconds = Math.round((options.idleMs ?? DEFAULT_SESSION_IDLE_MS) / 1000);
  await prisma.session.create({
    data: {
      tokenHash: sessionTokenHash(token),
      userId,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      idleTimeoutSeconds,
    },
  });
  return { token, expiresAt };
}
