import type { ApiClient, PrismaClient } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';

export async function findApiClient(prisma: PrismaClient, id: string): Promise<ApiClient> {
  const apiClient = isUuid(id) ? await prisma.apiClient.findUnique({ where: { id } }) : null;
  if (!apiClient) throw notFoundError(`no API client has the id ${id}`);
  return apiClient;
}
