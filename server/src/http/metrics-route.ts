import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { HubMetrics } from './hub-metrics.ts';

function sameToken(sent: string, expected: string): boolean {
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in Prometheus' text format, for a scraper that sends `Authorization: Bearer $HUB_METRICS_TOKEN`.
 * Without a configured token the route does not exist: queue depths and run ids are not for the public.
 * Called on the root app, not registered, so that its hook sees every route. Every request is timed and counted by its route pattern (never its URL: ids stay out of the labels).
 */
export function addMetrics(app: FastifyInstance, options: { metrics: HubMetrics; token: string | undefined }): void {
  const { metrics, token } = options;
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route };
    metrics.httpRequests.inc({ ...labels, status: String(reply.statusCode) });
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
  if (!token) return;
  app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
    const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!sent || !sameToken(sent, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: { code: 'UNAUTHENTICATED', message: 'send the metrics token as a bearer token' } });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
