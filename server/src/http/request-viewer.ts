import type { PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import type { FastifyRequest } from 'fastify';
import { resolveViewer } from '../identity/resolve-viewer.ts';

const viewers = new WeakMap<FastifyRequest, Promise<Viewer | null>>();

/** Who a request speaks for, looked up once: the rate limiter keys on it before the handler needs it. */
export function viewerOfRequest(prisma: PrismaClient, request: FastifyRequest): Promise<Viewer | null> {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = resolveViewer(prisma, request.headers.authorization);
    viewers.set(request, viewer);
  }
  return viewer;
}
