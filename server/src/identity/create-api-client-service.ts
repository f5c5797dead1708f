import type { PrismaClient } from '@hub/prisma';
import type { ApiClientService } from '@hub/schema/context';
import { createApiClient } from './create-api-client.ts';
import { issueAccessToken } from './issue-access-token.ts';
import { revokeApiClient } from './revoke-api-client.ts';
import { rotateApiClientSecret } from './rotate-api-client-secret.ts';

export function createApiClientService(prisma: PrismaClient): ApiClientService {
  return {
    createApiClient: (input, createdById, actor) => createApiClient(prisma, input, createdById, actor),
    rotateApiClientSecret: (id, actor) => rotateApiClientSecret(prisma, id, actor),
    revokeApiClient: (id, actor) => revokeApiClient(prisma, id, actor),
    issueAccessToken: (credentials) => issueAccessToken(prisma, credentials),
  };
}
