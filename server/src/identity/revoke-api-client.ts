import type { ApiClient, PrismaClient } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findApiClient } from './find-api-client.ts';

/** The client and every token it holds stop working at once; revoking twice keeps the first time. */
export async function revokeApiClient(
  prisma: PrismaClient,
  id: string,
  actor: ChangeActor,
  now = new Date(),
): Promise<ApiClient> {
  await findApiClient(prisma, id);
  return prisma.$transaction(async (tx) => {
    await tx.accessToken.updateMany({ where: { apiClientId: id, revokedAt: null }, data: { revokedAt: now } });
    const { count } = await tx.apiClient.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    const revoked = await tx.apiClient.findUniqueOrThrow({ where: { id } });
    if (count === 1) {
      await recordChangeEvent(tx, actor, {
        type: 'API_CLIENT_REVOKED',
        reason: null,
        apiClientId: id,
        clientId: revoked.clientId,
        changes: [{ field: 'revokedAt', old: null, new: now.toISOString() }],
      });
    }
    return revoked;
  });
}
