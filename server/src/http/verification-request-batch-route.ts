import type { PrismaClient } from '@hub/prisma';
import type { VerificationRequestService } from '@hub/schema/context';
import type { VerificationRequestInput } from '@hub/schema/verification-requests/verification-request-input';
import type { FastifyInstance } from 'fastify';
import { departmentReach } from '../access/department-reach.ts';
import { viewerOfRequest } from './request-viewer.ts';

const MAX_BATCH = 20_000;

/**
 * POST /verification-requests: a batch of requests as NDJSON, one request per line, spelt as GraphQL's
 * SubmitVerificationRequestInput. Each line is checked on its own and saved whole or refused whole; the answer
 * lists the accepted lines with their ids and the refused ones with a problem per field. Lines count from 1.
 */
export async function verificationRequestBatchRoute(
  app: FastifyInstance,
  options: { prisma: PrismaClient; requests: VerificationRequestService; bodyLimitBytes: number },
): Promise<void> {
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit: options.bodyLimitBytes },
    (_request, body, done) => done(null, body),
  );
  app.post('/verification-requests', async (request, reply) => {
    const viewer = await viewerOfRequest(options.prisma, request);
    if (!viewer) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'log in or send a token' } });
    if (viewer.kind === 'USER' && viewer.role === 'AUDITOR') {
      return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'your role does not allow this' } });
    }
    if (typeof request.body !== 'string') {
      return reply
        .code(415)
        .send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send application/x-ndjson, one request a line' } });
    }
    const lines = request.body.split('\n').filter((line) => line.trim());
    if (lines.length > MAX_BATCH) {
      return reply.code(413).send({ error: { code: 'TOO_MANY_REQUESTS', message: `at most ${MAX_BATCH} a batch` } });
    }
    const malformed: { line: number; problems: { field: string; problem: string; message: string }[] }[] = [];
    const inputs: VerificationRequestInput[] = [];
    const lineOf: number[] = [];
    lines.forEach((text, index) => {
      try {
        inputs.push(JSON.parse(text) as VerificationRequestInput);
        lineOf.push(index + 1);
      } catch {
        malformed.push({ line: index + 1, problems: [{ field: '', problem: 'MALFORMED_JSON', message: 'not JSON' }] });
      }
    });
    const department = await options.prisma.department.findUniqueOrThrow({ where: { id: viewer.departmentId } });
    // The access door's reach rule, the same as submitVerificationRequest's in GraphQL.
    const reach = await departmentReach(options.prisma, department);
    try {
      const outcome = await options.requests.submitVerificationRequests(inputs, {
        departmentId: viewer.departmentId,
        userId: viewer.kind === 'USER' ? viewer.userId : null,
        apiClientId: viewer.kind === 'API_CLIENT' ? viewer.apiClientId : null,
        reach,
      });
      return {
        accepted: outcome.accepted.map((entry) => ({ line: lineOf[entry.index], id: entry.id })),
        rejected: [
          ...malformed,
          ...outcome.rejected.map((entry) => ({ line: lineOf[entry.index], problems: entry.problems })),
        ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      };
    } catch (error) {
      if ((error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN') {
        return reply.code(403).send({ error: { code: 'FORBIDDEN', message: (error as Error).message } });
      }
      throw error;
    }
  });
}
