import type { Department, PrismaClient } from '@hub/prisma';
import type { DepartmentChanges } from '@hub/schema/context';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import { findRegionForInput } from '../regions/find-region-for-input.ts';
import { validDepartmentName } from './department-fields.ts';

/** Renames a department or moves it to another region; its code and kind stay. */
export async function updateDepartment(
  prisma: PrismaClient,
  id: string,
  changes: DepartmentChanges,
): Promise<Department> {
  const name = changes.name == null ? undefined : validDepartmentName(changes.name);
  if (changes.regionCode != null) await findRegionForInput(prisma, changes.regionCode, 'regionCode');
  const existing = isUuid(id) ? await prisma.department.findUnique({ where: { id }, select: { id: true } }) : null;
  if (!existing) throw notFoundError(`no department has the id ${id}`);
  return prisma.department.update({ where: { id }, data: { name, regionCode: changes.regionCode ?? undefined } });
}
