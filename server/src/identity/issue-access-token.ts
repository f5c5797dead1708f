import type { PrismaClient } from '@hub/prisma';
import type { IssuedAccessToken } from '@hub/schema/context';
import { ACCESS_TOKEN_TTL_MS, newAccessToken } from './access-token.ts';
import { sessionTokenHash } from './create-session.ts';
import { verifyDecoyPassword, verifyPassword } from './hash-password.ts';

/**
 * The client-credentials exchange: a 15-minute bearer token for a client's id and secret. A wrong secret, an unknown
 * client and a revoked one all get null after the same argon2 work, so an answer tells nothing about which it was.
 */
export async function issueAccessToken(
  prisma: PrismaClient,
  credentials: { clientId: string; clientSecret: string },
  now = new Date(),
): Promise<IssuedAccessToken | null> {
  const client = await prisma.apiClient.findUnique({ where: { clientId: credentials.clientId } });
  if (!client) return verifyDecoyPassword(credentials.clientSecret).then(() => null);
  if (!(await verifyPassword(client.secretHash, credentials.clientSecret)) || client.revokedAt) return null;
  const accessToken = newAccessToken();
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_TTL_MS);
  await prisma.$transaction([
    prisma.accessToken.create({
      data: { tokenHash: sessionTokenHash(accessToken), apiClientId: client.id, createdAt: now, expiresAt },
    }),
    prisma.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: now } }),
  ]);
  return { accessToken, tokenType: 'Bearer', expiresAt, expiresInSeconds: ACCESS_TOKEN_TTL_MS / 1000 };
}
