import { Dataset, type DatasetSnapshot, type Department, type PrismaClient } from '@hub/prisma';
import { serviceDay } from '../calendar/service-day.ts';
import { datasetProviderKind } from '../delivery-formats.ts';

/** Quarterly, unless a dataset has an agreed interval of its own (dataset_refresh_intervals). */
export const DEFAULT_REFRESH_INTERVAL_DAYS = 92;

const DAY_MS = 86_400_000;

export interface SnapshotFreshness {
  department: Department;
  dataset: Dataset;
  currentSnapshot: DatasetSnapshot | null;
  /** Days from the current snapshot's as-of date to today (Asia/Shanghai); null without one. */
  ageDays: number | null;
  refreshIntervalDays: number;
  stale: boolean;
}

// A dataset is stale once its current snapshot is older than the agreed refresh interval, or when it has none.
export function isStale(ageDays: number | null, refreshIntervalDays: number): boolean {
  return ageDays === null || ageDays > refreshIntervalDays;
}

/** Per department (of the kind that delivers it) and dataset: the current snapshot, its age and staleness. */
export async function findSnapshotFreshness(
  prisma: PrismaClient,
  filter: { departmentId?: string; dataset?: Dataset },
  now = new Date(),
): Promise<SnapshotFreshness[]> {
  const [departments, current, intervals] = await Promise.all([
    prisma.department.findMany({ where: { id: filter.departmentId }, orderBy: { code: 'asc' } }),
    prisma.datasetSnapshot.findMany({
      where: { status: 'CURRENT', departmentId: filter.departmentId, dataset: filter.dataset },
    }),
    prisma.datasetRefreshInterval.findMany(),
  ]);
  const today = serviceDay(now).getTime();
  const intervalOf = new Map(intervals.map((interval) => [interval.dataset, interval.days]));
  const currentOf = new Map(current.map((snapshot) => [`${snapshot.departmentId}:${snapshot.dataset}`, snapshot]));
  const datasets = Object.values(Dataset).filter((dataset) => !filter.dataset || dataset === filter.dataset);
  return departments.flatMap((department) =>
    datasets
      .filter((dataset) => datasetProviderKind(dataset) === department.kind)
      .map((dataset) => {
        const snapshot = currentOf.get(`${department.id}:${dataset}`) ?? null;
        const ageDays = snapshot ? Math.round((today - snapshot.asOf.getTime()) / DAY_MS) : null;
        const refreshIntervalDays = intervalOf.get(dataset) ?? DEFAULT_REFRESH_INTERVAL_DAYS;
        return {
          department,
          dataset,
          currentSnapshot: snapshot,
          ageDays,
          refreshIntervalDays,
          stale: isStale(ageDays, refreshIntervalDays),
        };
      }),
  );
}
