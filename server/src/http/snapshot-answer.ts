import type { PrismaClient } from '@hub/prisma';

/** A snapshot as the delivery endpoints answer with it. */
export async function snapshotAnswer(prisma: PrismaClient, id: string) {
  const snapshot = await prisma.datasetSnapshot.findUniqueOrThrow({ where: { id } });
  return {
    id: snapshot.id,
    departmentId: snapshot.departmentId,
    dataset: snapshot.dataset,
    status: snapshot.status,
    asOf: snapshot.asOf.toISOString().slice(0, 10),
    rowCount: snapshot.rowCount,
    acceptedCount: snapshot.acceptedCount,
    rejectCount: snapshot.rejectCount,
    contentHash: snapshot.contentHash,
    statusReason: snapshot.statusReason,
    createdAt: snapshot.createdAt.toISOString(),
    activatedAt: snapshot.activatedAt?.toISOString() ?? null,
    rejectsReport: `/datasets/snapshots/${snapshot.id}/rejects.csv`,
  };
}
