import type { FastifyInstance } from 'fastify';
import { noteForAudit } from './audited-requests.ts';
import type { HubMetrics } from './hub-metrics.ts';

// Probes and the scraper must answer while the hub is busy: an overloaded hub is not a dead one.
const EXEMPT = /^\/(?:healthz|readyz|metrics)(?:[/?]|$)/;
const RETRY_AFTER_SECONDS = 1;
const MESSAGE = 'the hub is answering as many requests as it can; retry';

/**
 * Beyond `maxInFlight` requests being answered at once, a new one is refused at once with 503 OVERLOADED and
 * Retry-After, before any work is done for it (no token lookup, no body read). Queueing it instead would only make
 * every caller's wait longer; a partner's client retries. A refusal of a request to the API, or of any request that
 * carried credentials, is audited (DENIED) by the root audit hook like every other refusal. 0 turns shedding off.
 */
export function registerLoadShedding(app: FastifyInstance, options: { maxInFlight: number; metrics: HubMetrics }) {
  const { maxInFlight, metrics } = options;
  if (maxInFlight === 0) return;
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (EXEMPT.test(request.url)) return;
    if (inFlight >= maxInFlight) {
      metrics.overloadRefusals.inc();
      noteForAudit(request, { detail: `overloaded: ${inFlight} requests in flight`, refused: true });
      const path = request.url.split('?')[0];
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send(
          // A GraphQL client reads GraphQL errors; the other routes answer with their own error shape.
          path === '/graphql'
            ? {
                errors: [
                  { message: MESSAGE, extensions: { code: 'OVERLOADED', retryAfterSeconds: RETRY_AFTER_SECONDS } },
                ],
              }
            : { error: { code: 'OVERLOADED', message: MESSAGE } },
        );
    }
    inFlight += 1;
    metrics.inFlightRequests.inc();
    // 'close' comes once for every response: sent in full, or cut off with its connection.
    reply.raw.once('close', () => {
      inFlight -= 1;
      metrics.inFlightRequests.dec();
    });
  });
}
