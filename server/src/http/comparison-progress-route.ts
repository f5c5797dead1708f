import type { PrismaClient } from '@hub/prisma';
import type { FastifyInstance } from 'fastify';
import type { AccessDoor } from '../access/create-access-door.ts';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import type { ComparisonProgressFeed, ProgressEvent } from '../comparisons/comparison-progress-feed.ts';
import { COMPARISON_PURPOSE } from '../comparisons/comparison-purpose.ts';
import { TERMINAL_STATUSES } from '../comparisons/progress-channel.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { authorizeComparisonReader } from './authorize-comparison-reader.ts';

/**
 * GET /comparisons/:runId/progress: a server-sent event stream of the run's progress for the portal. An event
 * `progress` with `{status, householdsDone, householdsTotal, householdsPerSecond, estimatedCompletionAt}` comes at
 * once and again whenever a chunk, a cancel or a failure changes it; a comment line keeps the connection alive
 * meanwhile. The stream ends after the event of a terminal status, and its watcher and timer go when the client does.
 */
export async function comparisonProgressRoute(
  app: FastifyInstance,
  options: {
    prisma: PrismaClient;
    door: AccessDoor;
    auditWriter: AuditWriter | undefined;
    feed: ComparisonProgressFeed;
    heartbeatMs: number;
  },
): Promise<void> {
  const open = new Set<() => void>();
  // Streams never end by themselves while a run goes on: end them so the app can close.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get<{ Params: { runId: string } }>('/comparisons/:runId/progress', async (request, reply) => {
    const allowed = await authorizeComparisonReader(options.prisma, options.door, request, reply);
    if (!allowed) return reply;
    const { viewer, run } = allowed;
    try {
      // Counts only, about nobody: one entry says who watched which run.
      if (options.auditWriter) {
        await auditHttpRequest(options.auditWriter, request, {
          viewer,
          purpose: COMPARISON_PURPOSE[run.kind],
          operation: `watch progress of run ${run.id}`,
        });
      }
    } catch {
      return withholdForAudit(reply).send(AUDIT_UNAVAILABLE_BODY);
    }

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // a proxy in front must not hold events back
      'x-request-id': request.id,
    });
    raw.write('retry: 2000\n\n');
    let last = '';
    const send = (event: ProgressEvent) => {
      const data = JSON.stringify(event);
      if (data === last) return;
      last = data;
      raw.write(`event: progress\ndata: ${data}\n\n`);
      if (TERMINAL_STATUSES.includes(event.status)) end();
    };
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), options.heartbeatMs);
    let unwatch: (() => void) | undefined;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unwatch?.();
      open.delete(end);
      raw.end();
    };
    open.add(end);
    raw.on('close', end);
    unwatch = options.feed.watch(run.id, send);
    if (ended) unwatch();
    return reply;
  });
}
