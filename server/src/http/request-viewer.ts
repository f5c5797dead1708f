import type { PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import type { FastifyRequest } from 'fastify';
import { resolveViewer } from '../identity/resolve-viewer.ts';
import type { TokenHolderCache } from '../identity/token-holder-cache.ts';

const viewers = new WeakMap<FastifyRequest, Promise<Viewer | null>>();
// The HTTP app's token holder cache, by the app's Prisma client (each app has its own), so that every route that asks
// who a request speaks for shares it.
const tokenHolderCaches = new WeakMap<PrismaClient, TokenHolderCache>();

/** Lets the requests served with this Prisma client look access tokens up through `cache`. */
export function useTokenHolderCache(prisma: PrismaClient, cache: TokenHolderCache): void {
  tokenHolderCaches.set(prisma, cache);
}

/** Who a request speaks for, looked up once: the rate limiter keys on it before the handler needs it. */
export function viewerOfRequest(prisma: PrismaClient, request: FastifyRequest): Promise<Viewer | null> {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = resolveViewer(prisma, request.headers.authorization, new Date(), tokenHolderCaches.get(prisma));
    viewers.set(request, viewer);
  }
  return viewer;
}
