import { builder } from '../builder.ts';
import { Department } from '../departments/department.ts';
import { DatasetEnum } from './dataset.ts';
import { DatasetSnapshot, snapshotDepartmentId } from './dataset-snapshot.ts';
import { findSnapshotFreshness, type SnapshotFreshness } from './snapshot-freshness.ts';

const DatasetFreshness = builder.objectRef<SnapshotFreshness>('DatasetFreshness').implement({
  description: "How fresh a department's dataset is: its current snapshot, its age, and whether it is overdue.",
  fields: (t) => ({
    department: t.field({ type: Department, resolve: (freshness) => freshness.department }),
    dataset: t.field({ type: DatasetEnum, resolve: (freshness) => freshness.dataset }),
    currentSnapshot: t.field({
      type: DatasetSnapshot,
      nullable: true,
      resolve: (freshness) => freshness.currentSnapshot,
    }),
    ageDays: t.int({
      nullable: true,
      description: "Days since the current snapshot's as-of date; null when there is none.",
      resolve: (freshness) => freshness.ageDays,
    }),
    rowCount: t.int({ resolve: (freshness) => freshness.currentSnapshot?.rowCount ?? 0 }),
    acceptedCount: t.int({ resolve: (freshness) => freshness.currentSnapshot?.acceptedCount ?? 0 }),
    rejectCount: t.int({ resolve: (freshness) => freshness.currentSnapshot?.rejectCount ?? 0 }),
    refreshIntervalDays: t.int({
      description: 'The agreed refresh interval: 92 days (quarterly) unless set for the dataset.',
      resolve: (freshness) => freshness.refreshIntervalDays,
    }),
    stale: t.boolean({
      description: 'Older than its refresh interval, or never delivered: the portal warns about it.',
      resolve: (freshness) => freshness.stale,
    }),
  }),
});

builder.queryField('datasetFreshness', (t) =>
  t.field({
    type: [DatasetFreshness],
    description:
      'Per department and each dataset its kind delivers: the current snapshot, its age and staleness. ' +
      "A partner client sees its own department's only.",
    authScopes: { dataConsumer: true },
    args: { departmentId: t.arg.id(), dataset: t.arg({ type: DatasetEnum }) },
    resolve: (_root, args, context) =>
      findSnapshotFreshness(context.prisma, {
        departmentId: snapshotDepartmentId(context, args.departmentId),
        dataset: args.dataset ?? undefined,
      }),
  }),
);
