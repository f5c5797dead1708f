import type { Department, PrismaClient } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';

/** The department an input names, or BAD_USER_INPUT `UNKNOWN_DEPARTMENT` saying which field named none. */
export async function findDepartmentForInput(prisma: PrismaClient, id: string, field: string): Promise<Department> {
  const department = isUuid(id) ? await prisma.department.findUnique({ where: { id } }) : null;
  if (!department) {
    throw badUserInputError('UNKNOWN_DEPARTMENT', `${field}: no department has the id ${id}`, { field, id });
  }
  return department;
}
