import type { ComparisonKind, PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { viewerHolds } from '@hub/schema/scopes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessDoor } from '../access/create-access-door.ts';
import { viewerOfRequest } from './request-viewer.ts';

/**
 * Every comparison route's door: a bearer token of a role that may read comparisons (401, 403), and a run within
 * the caller's reach as the access door decides it; a run outside it answers exactly like one that does not exist
 * (404). Null when refused.
 */
export async function authorizeComparisonReader(
  prisma: PrismaClient,
  door: AccessDoor,
  request: FastifyRequest<{ Params: { runId: string } }>,
  reply: FastifyReply,
): Promise<{ viewer: Viewer; run: { id: string; kind: ComparisonKind } } | null> {
  const viewer = await viewerOfRequest(prisma, request);
  if (!viewer) {
    await reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'send a bearer token' } });
    return null;
  }
  if (!viewerHolds(viewer, 'comparisons:read')) {
    await reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'your role does not allow this' } });
    return null;
  }
  const run = await door({ viewer, purpose: null, declaredPurpose: null }).findReachableRun(request.params.runId);
  if (!run) {
    await reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such comparison run or household in it' } });
    return null;
  }
  return { viewer, run };
}
