import { type Department, Prisma, type PrismaClient } from '@hub/prisma';
import type { NewDepartment } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { findRegionForInput } from '../regions/find-region-for-input.ts';
import { validDepartmentCode, validDepartmentName } from './department-fields.ts';

/** A new department; its code is its name in other systems, so it is unique and never changes. */
export async function createDepartment(prisma: PrismaClient, input: NewDepartment): Promise<Department> {
  const code = validDepartmentCode(input.code);
  const name = validDepartmentName(input.name);
  await findRegionForInput(prisma, input.regionCode, 'regionCode');
  try {
    return await prisma.department.create({ data: { code, name, kind: input.kind, regionCode: input.regionCode } });
  } catch (error) {
    // The unique index decides, so two administrators racing for one code get the same answer.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflictError('CODE_TAKEN', `code: another department already has the code ${code}; choose another`, {
        field: 'code',
        departmentCode: code,
      });
    }
    throw error;
  }
}
