import type { PrismaClient } from '@hub/prisma';
import type { ApiClientService } from '@hub/schema/context';
import { createApiClient } from './create-api-client.ts';
import { issueAccessToken } from './issue-access-token.ts';
import { revokeApiClient } from './revoke-api-client.ts';
import { rotateApiClientSecret } from './rotate-api-client-secret.ts';
import type { TokenHolderCache } from './token-holder-cache.ts';

/**
 * `tokenHolders`, the app's cache, is told of a rotation or revocation as soon as it commits: the database's
 * notification reaches every instance, but may reach this one after the administrator's next request.
 */
export function createApiClientService(prisma: PrismaClient, tokenHolders?: TokenHolderCache): ApiClientService {
  const thenForget = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    tokenHolders?.invalidate();
    return result;
  };
  return {
    createApiClient: (input, createdById, actor) => createApiClient(prisma, input, createdById, actor),
    rotateApiClientSecret: (id, actor) => thenForget(rotateApiClientSecret(prisma, id, actor)),
    revokeApiClient: (id, actor) => thenForget(revokeApiClient(prisma, id, actor)),
    issueAccessToken: (credentials) => issueAccessToken(prisma, credentials),
  };
}
