import { builder } from '../builder.ts';
import type { Context, CurrentSnapshot } from '../context.ts';
import { Department } from '../departments/department.ts';
import { DatasetEnum } from './dataset.ts';
import { SnapshotSourceEnum } from './dataset-snapshot.ts';

interface RecordProvenance {
  snapshot: CurrentSnapshot;
  asOf: Date;
}

export const Provenance = builder.objectRef<RecordProvenance>('Provenance').implement({
  description: 'Where a record came from: the department, the snapshot that delivered it, and the date it describes.',
  fields: (t) => ({
    department: t.field({ type: Department, resolve: ({ snapshot }) => snapshot.department }),
    snapshotId: t.id({ resolve: ({ snapshot }) => snapshot.id }),
    dataset: t.field({ type: DatasetEnum, resolve: ({ snapshot }) => snapshot.dataset }),
    source: t.field({
      type: SnapshotSourceEnum,
      description: 'BULK (a delivered file), LIVE (a live answer) or SEED (the demo data).',
      resolve: ({ snapshot }) => snapshot.source,
    }),
    asOf: t.field({ type: 'Date', resolve: ({ asOf }) => asOf }),
  }),
});

export async function provenanceOf(
  record: { snapshotId: string; asOf: Date },
  context: Context,
): Promise<RecordProvenance> {
  const snapshot = (await context.services.datasets.currentSnapshots()).get(record.snapshotId);
  if (!snapshot) throw new Error(`snapshot ${record.snapshotId} is not current`);
  return { snapshot, asOf: record.asOf };
}
