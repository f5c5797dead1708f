import type { Dataset, DepartmentKind, PrismaClient, SnapshotStatus } from '@hub/prisma';
import { uniqueNumber } from './unique.ts';

export async function createDepartment(
  prisma: PrismaClient,
  options: { kind: DepartmentKind; regionCode: string; name?: string },
) {
  const n = uniqueNumber();
  return prisma.department.create({
    data: {
      code: `${options.kind}_${n}`,
      kind: options.kind,
      name: options.name ?? `${options.kind} ${n}`,
      regionCode: options.regionCode,
    },
  });
}

export async function createSnapshot(
  prisma: PrismaClient,
  options: { departmentId: string; dataset: Dataset; status?: SnapshotStatus; asOf?: Date },
) {
  return prisma.datasetSnapshot.create({
    data: {
      departmentId: options.departmentId,
      dataset: options.dataset,
      source: 'SEED',
      status: options.status ?? 'CURRENT',
      asOf: options.asOf ?? new Date(Date.UTC(2024, 5, 30)),
      activatedAt: options.status === 'CURRENT' || !options.status ? new Date() : null,
    },
  });
}
