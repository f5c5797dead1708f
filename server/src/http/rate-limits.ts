import rateLimit from '@fastify/rate-limit';
import type { PrismaClient } from '@hub/prisma';
import type { FastifyInstance } from 'fastify';
import type { HttpLimits } from './http-limits.ts';
import type { HubMetrics } from './hub-metrics.ts';
import { viewerOfRequest } from './request-viewer.ts';

// Every API route is metered; probes, /metrics and the portal's static files are not.
const METERED = /^\/(?:graphql|oauth\/|datasets\/|comparisons\/)/;

/**
 * At most `rateLimitMax` requests per window per caller: a user's session, an API client (all its tokens
 * together), or for an anonymous request its IP address; an invalid token counts as anonymous, so inventing
 * tokens buys no fresh allowance. Past it: 429 with Retry-After. The counts live in this instance's memory, so
 * with several instances behind a balancer each grants the full allowance (README, Operations → Limits).
 */
export async function registerRateLimits(
  app: FastifyInstance,
  options: { prisma: PrismaClient; limits: HttpLimits; metrics: HubMetrics },
): Promise<void> {
  const { prisma, limits, metrics } = options;
  if (limits.rateLimitMax === 0) return;
  await app.register(rateLimit, {
    global: true,
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
