import type { PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { isAccessToken } from './access-token.ts';
import { sessionTokenHash } from './create-session.ts';
import { resolveApiClientViewer } from './resolve-api-client-viewer.ts';
import type { TokenHolderCache } from './token-holder-cache.ts';

// Activity is written at most this often, so that a busy session costs no write per request.
const LAST_SEEN_RESOLUTION_MS = 60_000;

// A session token is 43 base64url characters; an API client's access token is the same behind `hat_`.
const BEARER = /^Bearer\s+((?:hat_)?[A-Za-z0-9_-]{43})$/i;

/**
 * Who an `Authorization: Bearer <token>` header speaks for: a user (session token) or an API client (access token);
 * null for no, unknown or expired tokens (a session expires at its absolute end or after its idle timeout),
 * disabled users and revoked clients. An access token's holder comes from `tokenHolders` when given.
 */
export async function resolveViewer(
  prisma: PrismaClient,
  authorization: string | undefined,
  now = new Date(),
  tokenHolders?: TokenHolderCache,
): Promise<Viewer | null> {
  const token = authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
  if (!token) return null;
  if (isAccessToken(token)) return resolveApiClientViewer(prisma, token, now, tokenHolders);
  const session = await prisma.session.findUnique({
    where: { tokenHash: sessionTokenHash(token) },
    include: { user: { select: { id: true, username: true, role: true, departmentId: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  if (session.lastSeenAt.getTime() + session.idleTimeoutSeconds * 1000 <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    kind: 'USER',
    userId: user.id,
    username: user.username,
    role: user.role,
    departmentId: user.departmentId,
    sessionId: session.id,
  };
}
