import type { PrismaClient } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';

/** Stops the hub calling a department live: APPLICATION runs then read its bulk snapshots. The settings stay. */
export async function disableDepartmentConnector(prisma: PrismaClient, id: string): Promise<{ id: string }> {
  const { count } = await prisma.departmentConnector.updateMany({
    where: { id },
    data: { enabled: false, updatedAt: new Date() },
  });
  if (count === 0) throw notFoundError(`no department connector ${id}`);
  return { id };
}
