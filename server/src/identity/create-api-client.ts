import type { PrismaClient } from '@hub/prisma';
import type { ApiClientWithSecret } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import { findDepartmentForInput } from '../departments/find-department-for-input.ts';
import { newClientId, newClientSecret } from './api-client-secret.ts';
import { hashPassword } from './hash-password.ts';

/** Registers a partner department's API client; its secret is in this answer and nowhere else. */
export async function createApiClient(
  prisma: PrismaClient,
  input: { departmentId: string; name: string },
  createdById: string,
): Promise<ApiClientWithSecret> {
  const name = input.name.trim();
  if (!name) throw badUserInputError('BLANK_VALUE', 'name: give the client a name', { field: 'name' });
  const department = await findDepartmentForInput(prisma, input.departmentId, 'departmentId');
  const clientSecret = newClientSecret();
  const apiClient = await prisma.apiClient.create({
    data: {
      clientId: newClientId(),
      name,
      departmentId: department.id,
      secretHash: await hashPassword(clientSecret),
      createdById,
    },
  });
  return { apiClient, clientSecret };
}
