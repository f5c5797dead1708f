import { builder } from '../builder.ts';
import { DatasetEnum } from '../datasets/dataset.ts';

/** One entry of household_assessments.data_sources, as assess-households.ts stores it. */
export interface StoredDataSource {
  departmentId: string;
  dataset: string;
  source: 'LIVE' | 'SNAPSHOT_FALLBACK' | 'SNAPSHOT';
  snapshotId: string | null;
  asOf: string | null;
  reason: string | null;
}

export const DataSourceKindEnum = builder.enumType('DataSourceKind', {
  values: {
    LIVE: { description: "The department's live answer, fetched for this run." },
    SNAPSHOT_FALLBACK: { description: 'The live connector failed for some members: their bulk snapshot instead.' },
    SNAPSHOT: { description: 'No live connector: the bulk snapshot current when the run assessed the household.' },
  },
});

export const DataSourceUsed = builder.objectRef<StoredDataSource>('DataSourceUsed').implement({
  description: 'Where an assessment took one department’s dataset from.',
  fields: (t) => ({
    department: t.prismaField({
      type: 'Department',
      resolve: (query, source, _args, { prisma }) =>
        prisma.department.findUniqueOrThrow({ ...query, where: { id: source.departmentId } }),
    }),
    dataset: t.field({ type: DatasetEnum, resolve: (source) => source.dataset as never }),
    source: t.field({ type: DataSourceKindEnum, resolve: (source) => source.source }),
    snapshotId: t.exposeID('snapshotId', { nullable: true }),
    asOf: t.string({ nullable: true, description: 'YYYY-MM-DD', resolve: (source) => source.asOf }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'SNAPSHOT_FALLBACK: why, e.g. "TIMEOUT for 2 of 3 members".',
    }),
  }),
});
