import type { PrismaClient } from '@hub/prisma';
import { isUuid } from '@hub/schema/uuid';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { mayReadSnapshotRejects } from '../access/dataset-deliverer.ts';
import { DatasetDeliveryError } from '../delivery/dataset-delivery-error.ts';
import { viewerOfRequest } from './request-viewer.ts';
import { sendDeliveryError } from './snapshot-upload-route.ts';

// PostgreSQL writes the CSV itself (quoting included) straight from the table: a report of a million rejects
// streams through without being held in memory. Identity numbers were masked when the rejects were recorded.
// UNKNOWN_PERSON is only counted, per column, on a last line without a line number: listed row by row it would tell
// a department which of its customers the hub holds (docs/access.md).
const REPORT = `COPY (
  SELECT line, reason, "column", value FROM (
    SELECT line, reason, NULLIF(column_name, '') AS "column", value, column_name FROM dataset_snapshot_rejects
    WHERE snapshot_id = '%ID%' AND reason <> 'UNKNOWN_PERSON'
    UNION ALL
    SELECT NULL, reason, NULLIF(column_name, ''), count(*)::text, column_name FROM dataset_snapshot_rejects
    WHERE snapshot_id = '%ID%' AND reason = 'UNKNOWN_PERSON' GROUP BY reason, column_name
  ) rejects ORDER BY line NULLS LAST, column_name
) TO STDOUT WITH (FORMAT csv, HEADER true)`;

/**
 * GET /datasets/snapshots/:id/rejects.csv: `line,reason,column,value` per problem of each rejected row (persons the
 * hub does not hold only as a count), for whoever may deliver for the department (its API client, its staff) or an administrator. Anyone else is told the snapshot does not exist.
 */
export async function snapshotRejectsRoute(
  app: FastifyInstance,
  options: { prisma: PrismaClient; pool: pg.Pool },
): Promise<void> {
  app.get<{ Params: { id: string } }>('/datasets/snapshots/:id/rejects.csv', async (request, reply) => {
    const viewer = await viewerOfRequest(options.prisma, request);
    if (!viewer) {
      return sendDeliveryError(reply, new DatasetDeliveryError('UNAUTHENTICATED', 'send a bearer token'));
    }
    const { id } = request.params;
    const snapshot = isUuid(id)
      ? await options.prisma.datasetSnapshot.findUnique({ where: { id }, select: { departmentId: true } })
      : null;
    const mayRead = snapshot !== null && mayReadSnapshotRejects(viewer, snapshot);
    if (!mayRead) {
      return sendDeliveryError(reply, new DatasetDeliveryError('NOT_FOUND', `no snapshot ${id} that you may read`));
    }
    const client = await options.pool.connect();
    const report = client.query(copyTo(REPORT.replaceAll('%ID%', id)));
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    let ended = false;
    report.on('end', () => {
      ended = true;
      release();
    });
    report.on('error', (error) => release(error));
    // Cut off mid-report (the reader went away): the connection is mid-COPY and must not go back to the pool.
    report.on('close', () => release(ended ? undefined : new Error('the rejects report was cut off')));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="snapshot-${id}-rejects.csv"`)
      .send(report);
  });
}
