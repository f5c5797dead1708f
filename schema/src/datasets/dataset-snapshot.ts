import { SnapshotSource, SnapshotStatus } from '@hub/prisma';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badUserInputError, forbiddenError } from '../errors.ts';
import { isUuid } from '../uuid.ts';
import { DatasetEnum } from './dataset.ts';

export const SnapshotStatusEnum = builder.enumType(SnapshotStatus, {
  name: 'SnapshotStatus',
  description:
    'LOADING → CURRENT → SUPERSEDED; REFUSED (too many rejects) or FAILED (broken or interrupted upload); ANSWERED: a live answer, never current, read by the run that asked; PURGED: past its retention, records removed (see purgedAt).',
});
export const SnapshotSourceEnum = builder.enumType(SnapshotSource, { name: 'SnapshotSource' });

export const DatasetSnapshot = builder.prismaObject('DatasetSnapshot', {
  description: 'One delivery of one dataset by one department.',
  authScopes: { dataConsumer: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    department: t.relation('department'),
    dataset: t.expose('dataset', { type: DatasetEnum }),
    source: t.expose('source', { type: SnapshotSourceEnum }),
    status: t.expose('status', { type: SnapshotStatusEnum }),
    asOf: t.expose('asOf', { type: 'Date', description: 'The day the delivery describes.' }),
    rowCount: t.exposeInt('rowCount'),
    acceptedCount: t.exposeInt('acceptedCount', { description: 'Rows loaded as records; 0 unless it became current.' }),
    rejectCount: t.exposeInt('rejectCount', { description: 'Rows with at least one problem.' }),
    contentHash: t.exposeString('contentHash', { nullable: true, description: 'SHA-256 of the bytes delivered.' }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    activatedAt: t.expose('activatedAt', { type: 'DateTime', nullable: true }),
    purgedAt: t.expose('purgedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When retention removed its records (status PURGED); see docs/operations.md.',
    }),
    rejectsReportPath: t.string({
      description: 'Where its rejects report is downloaded (CSV: line, reason, column, value).',
      resolve: (snapshot) => `/datasets/snapshots/${snapshot.id}/rejects.csv`,
    }),
  }),
});

/** The department whose snapshots the caller asks about: a partner client sees its own department's only. */
export function snapshotDepartmentId(context: Context, departmentId: string | number | null | undefined) {
  const viewer = context.viewer;
  const id = departmentId == null ? undefined : String(departmentId);
  if (viewer?.kind === 'API_CLIENT') {
    if (id !== undefined && id !== viewer.departmentId) {
      throw forbiddenError("a department's client sees its own department's snapshots only");
    }
    return viewer.departmentId;
  }
  if (id !== undefined && !isUuid(id)) {
    throw badUserInputError('UNKNOWN_DEPARTMENT', `departmentId: no department has the id ${id}`, { id });
  }
  return id;
}

builder.queryField('datasetSnapshots', (t) =>
  t.prismaConnection(
    {
      type: 'DatasetSnapshot',
      cursor: 'id',
      nullable: true,
      description: "A department's deliveries, newest first; a partner client's own department's only.",
      authScopes: { dataConsumer: true },
      args: { departmentId: t.arg.id({ required: true }), dataset: t.arg({ type: DatasetEnum }) },
      resolve: (query, _root, args, context) =>
        context.prisma.datasetSnapshot.findMany({
          ...query,
          where: {
            departmentId: snapshotDepartmentId(context, args.departmentId),
            dataset: args.dataset ?? undefined,
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'DatasetSnapshotConnection' },
    { name: 'DatasetSnapshotEdge' },
  ),
);
