import type { PrismaClient } from '@hub/prisma';
import { viewerHolds } from '@hub/schema/scopes';
import type { FastifyInstance } from 'fastify';
import { importRegionTable } from '../regions/import-region-table.ts';
import { RegionTableError } from '../regions/region-table-error.ts';
import { viewerOfRequest } from './request-viewer.ts';

const MEDIA_TYPES = new Set(['text/csv', 'text/plain']);

async function readBody(body: AsyncIterable<Buffer>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      throw new RegionTableError(
        'UPLOAD_TOO_LARGE',
        `a region table may have at most ${limit} bytes; split it by province`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * POST /regions/imports: an administrator uploads an administrative-division table (CSV, see docs/regions.md); the
 * answer says what changed. `?dryRun=true` answers the same without changing anything. A table with a bad row is
 * refused whole (422 INVALID_ROWS, every row at fault in `problems`). Audited by the scope's onSend hook.
 */
export async function regionTableRoute(
  app: FastifyInstance,
  options: { prisma: PrismaClient; databaseUrl: string; uploadLimitBytes: number },
): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.post<{ Querystring: { dryRun?: string } }>('/regions/imports', async (request, reply) => {
    const viewer = await viewerOfRequest(options.prisma, request);
    if (!viewer) {
      return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'log in as an administrator' } });
    }
    if (!viewerHolds(viewer, 'regions:import')) {
      return reply
        .code(403)
        .send({ error: { code: 'FORBIDDEN', message: 'only an administrator imports region tables' } });
    }
    try {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!MEDIA_TYPES.has(mediaType)) {
        throw new RegionTableError('UNSUPPORTED_MEDIA_TYPE', 'send the table as text/csv with a header line');
      }
      const text = await readBody(request.raw, options.uploadLimitBytes);
      const summary = await importRegionTable(options.databaseUrl, text, { dryRun: request.query.dryRun === 'true' });
      return reply.code(200).send({ summary });
    } catch (error) {
      if (!(error instanceof RegionTableError)) throw error;
      return reply
        .code(error.httpStatus)
        .send({ error: { code: error.code, message: error.message }, problems: error.problems });
    }
  });
}
