import { Dataset, type PrismaClient } from '@hub/prisma';
import { findRegisterFormat } from '@hub/schema/delivery-formats';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { datasetDeliverer } from '../access/dataset-deliverer.ts';
import { checkDeliveryEntitlement } from '../delivery/check-delivery-entitlement.ts';
import { DatasetDeliveryError } from '../delivery/dataset-delivery-error.ts';
import { importDatasetSnapshot } from '../delivery/import-dataset-snapshot.ts';
import { parseAsOf } from '../delivery/parse-as-of.ts';
import { parseRejectThreshold } from '../delivery/reject-threshold.ts';
import type { FileFormat } from '../delivery/stage-delivery.ts';
import { importRegisterDelivery } from '../register/import-register-delivery.ts';
import { viewerOfRequest } from './request-viewer.ts';
import { snapshotAnswer } from './snapshot-answer.ts';

const FILE_FORMATS: Record<string, FileFormat> = { 'text/csv': 'CSV', 'application/x-ndjson': 'NDJSON' };
const DATASETS = new Set<string>(Object.values(Dataset));

export function sendDeliveryError(reply: FastifyReply, error: DatasetDeliveryError, extra: object = {}) {
  return reply.code(error.httpStatus).send({ error: { code: error.code, message: error.message }, ...extra });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function uploadTooLarge(limit: number): DatasetDeliveryError {
  return new DatasetDeliveryError(
    'UPLOAD_TOO_LARGE',
    `a snapshot file may have at most ${limit} bytes (HUB_UPLOAD_LIMIT_BYTES); split the dataset or ask the hub's operator`,
  );
}

/** The body as it streams, broken off once it passes the limit (a chunked upload declares no length). */
async function* limitedBody(body: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Buffer> {
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > limit) throw uploadTooLarge(limit);
    yield chunk;
  }
}

/**
 * PUT /datasets/:dataset/snapshots: a department's API client (or its staff, in the portal) delivers a snapshot of one dataset as a CSV or NDJSON
 * body, streamed into PostgreSQL as it arrives. `asOf` (required) and `rejectThreshold` come as query parameters
 * or as `x-hub-as-of` / `x-hub-reject-threshold` headers.
 */
export async function snapshotUploadRoute(
  app: FastifyInstance,
  options: { prisma: PrismaClient; databaseUrl: string; uploadLimitBytes: number },
): Promise<void> {
  // In this route's scope only: the body stays unread until the import streams it; any media type reaches the
  // handler, which answers an unsupported one in the delivery's own error format.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.put<{ Params: { dataset: string }; Querystring: { asOf?: string; rejectThreshold?: string } }>(
    '/datasets/:dataset/snapshots',
    async (request, reply) => {
      try {
        const viewer = await viewerOfRequest(options.prisma, request);
        if (!viewer) throw new DatasetDeliveryError('UNAUTHENTICATED', 'send a department API client access token');
        const dataset = request.params.dataset.toUpperCase().replaceAll('-', '_');
        const actor = datasetDeliverer(viewer, {
          requestId: request.id,
          clientAddress: request.ip,
          operation: `PUT /datasets/${dataset}/snapshots`,
        });
        if (!actor) {
          throw new DatasetDeliveryError(
            'FORBIDDEN',
            "snapshots are delivered by a department's API client or its staff; operators use `./hub import`",
          );
        }
        if (!DATASETS.has(dataset)) {
          throw new DatasetDeliveryError('UNKNOWN_DATASET', `no dataset is called ${request.params.dataset}`);
        }
        const department = await options.prisma.department.findUniqueOrThrow({
          where: { id: viewer.departmentId },
          select: { id: true, kind: true, regionCode: true },
        });
        const isRegister = findRegisterFormat(dataset as Dataset) !== undefined;
        const entitlement = await checkDeliveryEntitlement(options.prisma, department, dataset as Dataset);
        const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const fileFormat = FILE_FORMATS[mediaType];
        if (!fileFormat) {
          throw new DatasetDeliveryError(
            'UNSUPPORTED_MEDIA_TYPE',
            'send the file as text/csv (with a header line) or application/x-ndjson',
          );
        }
        const declaredLength = Number(request.headers['content-length'] ?? 0);
        if (declaredLength > options.uploadLimitBytes) throw uploadTooLarge(options.uploadLimitBytes);
        const asOf = parseAsOf(request.query.asOf ?? first(request.headers['x-hub-as-of']));
        const rejectThreshold = parseRejectThreshold(
          request.query.rejectThreshold ?? first(request.headers['x-hub-reject-threshold']),
        );
        const delivery = {
          department,
          dataset: dataset as Dataset,
          asOf,
          rejectThreshold,
          fileFormat,
          body: limitedBody(request.raw, options.uploadLimitBytes),
          entitlement,
          actor,
        };
        const imported = isRegister
          ? await importRegisterDelivery(options.databaseUrl, delivery)
          : await importDatasetSnapshot(options.databaseUrl, delivery);
        reply.header(
          'server-timing',
          Object.entries(imported.phases)
            .map(([name, milliseconds]) => `${name};dur=${milliseconds.toFixed(0)}`)
            .join(', '),
        );
        const answer = await snapshotAnswer(options.prisma, imported.snapshotId);
        if (imported.outcome === 'CURRENT') return reply.code(201).send({ snapshot: answer, duplicate: false });
        if (imported.outcome === 'DUPLICATE') return reply.code(200).send({ snapshot: answer, duplicate: true });
        const refusal =
          imported.rows === 0
            ? new DatasetDeliveryError('EMPTY_SNAPSHOT', 'the file has no data rows; the current snapshot stays')
            : new DatasetDeliveryError(
                'REJECT_THRESHOLD_EXCEEDED',
                `${answer.statusReason}; the snapshot is refused and the current one stays: see ${answer.rejectsReport}`,
              );
        return sendDeliveryError(reply, refusal, { snapshot: answer, duplicate: false });
      } catch (error) {
        if (error instanceof DatasetDeliveryError) return sendDeliveryError(reply, error);
        throw error;
      }
    },
  );
}
