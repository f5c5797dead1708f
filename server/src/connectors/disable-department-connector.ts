import type { PrismaClient } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { notFoundError } from '@hub/schema/errors';
import { recordChangeEvent } from '../audit/record-change-event.ts';

/** Stops the hub calling a department live: APPLICATION runs then read its bulk snapshots. The settings stay. */
export async function disableDepartmentConnector(
  prisma: PrismaClient,
  id: string,
  actor: ChangeActor,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.departmentConnector.findUnique({
      where: { id },
      select: { enabled: true, departmentId: true },
    });
    if (!before) throw notFoundError(`no department connector ${id}`);
    await tx.departmentConnector.update({ where: { id }, data: { enabled: false, updatedAt: new Date() } });
    if (before.enabled) {
      await recordChangeEvent(tx, actor, {
        type: 'CONNECTOR_CONFIGURED',
        reason: null,
        connectorId: id,
        departmentId: before.departmentId,
        credentialReplaced: false,
        changes: [{ field: 'enabled', old: true, new: false }],
      });
    }
    return { id };
  });
}
