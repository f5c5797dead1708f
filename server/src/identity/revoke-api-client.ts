import type { ApiClient, PrismaClient } from '@hub/prisma';
import { findApiClient } from './find-api-client.ts';

/** The client and every token it holds stop working at once; revoking twice keeps the first time. */
export async function revokeApiClient(prisma: PrismaClient, id: string, now = new Date()): Promise<ApiClient> {
  await findApiClient(prisma, id);
  return prisma.$transaction(async (tx) => {
    await tx.accessToken.updateMany({ where: { apiClientId: id, revokedAt: null }, data: { revokedAt: now } });
    await tx.apiClient.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    return tx.apiClient.findUniqueOrThrow({ where: { id } });
  });
}
