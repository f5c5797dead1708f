import type { PrismaClient } from '@hub/prisma';
import type { DepartmentService } from '@hub/schema/context';
import { createDepartment } from './create-department.ts';
import { updateDepartment } from './update-department.ts';

export function createDepartmentService(prisma: PrismaClient): DepartmentService {
  return {
    createDepartment: (input) => createDepartment(prisma, input),
    updateDepartment: (id, changes) => updateDepartment(prisma, id, changes),
  };
}
