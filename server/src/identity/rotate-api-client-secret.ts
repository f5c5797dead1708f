import type { PrismaClient } from '@hub/prisma';
import type { ApiClientWithSecret, ChangeActor } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { newClientSecret } from './api-client-secret.ts';
import { findApiClient } from './find-api-client.ts';
import { hashPassword } from './hash-password.ts';

/** A new secret, shown once; the old one stops working and so do the tokens issued for it. */
export async function rotateApiClientSecret(
  prisma: PrismaClient,
  id: string,
  actor: ChangeActor,
  now = new Date(),
): Promise<ApiClientWithSecret> {
  const current = await findApiClient(prisma, id);
  if (current.revokedAt) {
    throw conflictError('INVALID_TRANSITION', 'this API client is revoked; create a new one instead', {
      status: 'REVOKED',
    });
  }
  const clientSecret = newClientSecret();
  const secretHash = await hashPassword(clientSecret);
  const apiClient = await prisma.$transaction(async (tx) => {
    await tx.accessToken.updateMany({ where: { apiClientId: id, revokedAt: null }, data: { revokedAt: now } });
    const rotated = await tx.apiClient.update({ where: { id }, data: { secretHash, secretRotatedAt: now } });
    await recordChangeEvent(tx, actor, {
      type: 'API_CLIENT_ROTATED',
      reason: null,
      apiClientId: id,
      clientId: rotated.clientId,
      changes: [
        { field: 'secretRotatedAt', old: current.secretRotatedAt?.toISOString() ?? null, new: now.toISOString() },
      ],
    });
    return rotated;
  });
  return { apiClient, clientSecret };
}
