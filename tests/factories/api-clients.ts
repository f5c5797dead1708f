import type { PrismaClient } from '@hub/prisma';
import { userChangeActor } from '@hub/server/audit/change-actors';
import { createApiClient } from '@hub/server/identity/create-api-client';
import { issueAccessToken } from '@hub/server/identity/issue-access-token';
import { createUser } from './users.ts';

/**
 * A partner department's API client and a real access token for it, issued as the token exchange issues them
 * (argon2id-hashed secret, SHA-256-hashed token).
 */
export async function createPartnerToken(prisma: PrismaClient, departmentId: string): Promise<string> {
  const { user } = await createUser(prisma, { role: 'ADMIN', departmentId });
  const { apiClient, clientSecret } = await createApiClient(
    prisma,
    { departmentId, name: '合作部门系统' },
    user.id,
    userChangeActor(user, 'test set-up'),
  );
  const issued = await issueAccessToken(prisma, { clientId: apiClient.clientId, clientSecret });
  if (!issued) throw new Error('the token exchange refused a fresh client');
  return issued.accessToken;
}
