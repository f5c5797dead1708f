import type { PrismaClient } from '@hub/prisma';
import { fieldChanges } from '@hub/schema/change-events';
import type { ApiClientWithSecret, ChangeActor } from '@hub/schema/context';
import { badUserInputError } from '@hub/schema/errors';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findDepartmentForInput } from '../departments/find-department-for-input.ts';
import { newClientId, newClientSecret } from './api-client-secret.ts';
import { hashPassword } from './hash-password.ts';

/** Registers a partner department's API client; its secret is in this answer and nowhere else. */
export async function createApiClient(
  prisma: PrismaClient,
  input: { departmentId: string; name: string },
  createdById: string,
  actor: ChangeActor,
): Promise<ApiClientWithSecret> {
  const name = input.name.trim();
  if (!name) throw badUserInputError('BLANK_VALUE', 'name: give the client a name', { field: 'name' });
  const department = await findDepartmentForInput(prisma, input.departmentId, 'departmentId');
  const clientSecret = newClientSecret();
  const secretHash = await hashPassword(clientSecret);
  const apiClient = await prisma.$transaction(async (tx) => {
    const created = await tx.apiClient.create({
      data: { clientId: newClientId(), name, departmentId: department.id, secretHash, createdById },
    });
    await recordChangeEvent(tx, actor, {
      type: 'API_CLIENT_CREATED',
      reason: null,
      apiClientId: created.id,
      clientId: created.clientId,
      changes: fieldChanges(null, { clientId: created.clientId, name, departmentId: department.id }),
    });
    return created;
  });
  return { apiClient, clientSecret };
}
