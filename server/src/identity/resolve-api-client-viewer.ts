import type { PrismaClient } from '@hub/prisma';
import type { ApiClientViewer } from '@hub/schema/context';
import { sessionTokenHash } from './create-session.ts';

// last_used_at is for an administrator's "is this client still in use?": a minute's precision spares a write per request.
const LAST_USED_PRECISION_MS = 60_000;

/** The API client an access token speaks for: null when the token is unknown, expired or revoked, or the client is. */
export async function resolveApiClientViewer(
  prisma: PrismaClient,
  accessToken: string,
  now: Date,
): Promise<ApiClientViewer | null> {
  const token = await prisma.accessToken.findUnique({
    where: { tokenHash: sessionTokenHash(accessToken) },
    include: {
      apiClient: { select: { id: true, clientId: true, departmentId: true, revokedAt: true, lastUsedAt: true } },
    },
  });
  if (!token || token.expiresAt <= now || token.revokedAt || token.apiClient.revokedAt) return null;
  const { apiClient } = token;
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!apiClient.lastUsedAt || apiClient.lastUsedAt < staleBefore) {
    // Conditional, so instances racing on the same client write once between them.
    await prisma.apiClient.updateMany({
      where: { id: apiClient.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    kind: 'API_CLIENT',
    apiClientId: apiClient.id,
    clientId: apiClient.clientId,
    departmentId: apiClient.departmentId,
    tokenId: token.id,
  };
}
