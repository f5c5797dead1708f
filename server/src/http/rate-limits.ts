import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { PrismaClient } from '@hub/prisma';
import type { FastifyInstance } from 'fastify';
import type { HttpLimits } from './http-limits.ts';
import type { HubMetrics } from './hub-metrics.ts';
import { viewerOfRequest } from './request-viewer.ts';
import { createSharedRateLimitStore } from './shared-rate-limit-store.ts';

// Every API route is metered; probes, /metrics and the portal's static files are not.
const METERED = /^\/(?:graphql|oauth\/|datasets\/|comparisons\/)/;

/**
 * At most `rateLimitMax` requests per window per caller: a user's session, an API client (all its tokens
 * together), or for an anonymous request its IP address; an invalid token counts as anonymous, so inventing
 * tokens buys no fresh allowance. Past it: 429 with Retry-After. The counts live in PostgreSQL
 * (shared-rate-limit-store.ts), so every instance sharing the database enforces the one limit (docs/operations.md).
 */
export async function registerRateLimits(
  app: FastifyInstance,
  options: { prisma: PrismaClient; databaseUrl: string; limits: HttpLimits; metrics: HubMetrics },
): Promise<void> {
  const { prisma, limits, metrics } = options;
  if (limits.rateLimitMax === 0) return;
  const store = createSharedRateLimitStore(options.databaseUrl, limits.rateLimitWindowMs);
  app.addHook('onClose', () => store.close());
  await app.register(rateLimit, {
    global: true,
    // The plugin constructs its store with `new`; a constructor that returns an object hands over that object.
    store: function SharedStore() {
      return store;
    } as unknown as FastifyRateLimitStoreCtor,
    // The counter's database being away must not add refusals of its own: the request meets the outage anyway.
    skipOnError: true,
    max: limits.rateLimitMax,
    timeWindow: limits.rateLimitWindowMs,
    allowList: (request) => !METERED.test(request.url),
    keyGenerator: async (request) => {
      const viewer = await viewerOfRequest(prisma, request).catch(() => null);
      if (viewer?.kind === 'API_CLIENT') return `client:${viewer.apiClientId}`;
      if (viewer?.kind === 'USER') return `user:${viewer.userId}`;
      return `ip:${request.ip}`;
    },
    onExceeded: (_request, key) => {
      metrics.rateLimitRefusals.inc({ caller: key.slice(0, key.indexOf(':')) });
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      errors: [
        {
          message: `too many requests: at most ${context.max} in ${limits.rateLimitWindowMs / 1000} s; retry in ${context.after}`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        },
      ],
    }),
  });
}
