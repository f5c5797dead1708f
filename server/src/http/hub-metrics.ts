import type { PrismaClient } from '@hub/prisma';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface HubMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  graphqlOperations: Counter<'type' | 'outcome'>;
  disclosureDenials: Counter<'reason' | 'item'>;
  rateLimitRefusals: Counter<'caller'>;
  overloadRefusals: Counter;
  inFlightRequests: Gauge;
}

/**
 * The hub's Prometheus metrics, in a registry of this app's own (tests run several apps in one process). Counters
 * are bumped where things happen; the comparison and queue gauges are read when /metrics is scraped.
 */
export function createHubMetrics(sources: { prisma: PrismaClient; auditQueue: () => number }): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_' });
  new Gauge({
    name: 'hub_comparison_run_households',
    help: 'Households of each running comparison run: done and total',
    labelNames: ['run', 'kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const runs = await sources.prisma.comparisonRun.findMany({
        where: { status: 'RUNNING' },
        select: { id: true, kind: true, householdsDone: true, householdCount: true },
      });
      for (const run of runs) {
        this.set({ run: run.id, kind: run.kind, state: 'done' }, run.householdsDone);
        this.set({ run: run.id, kind: run.kind, state: 'total' }, run.householdCount);
      }
    },
  });
  new Gauge({
    name: 'hub_comparison_chunks_pending',
    help: 'Comparison chunks waiting for a worker, over all runs that are pending or running',
    registers: [registry],
    async collect() {
      this.set(
        await sources.prisma.comparisonChunk.count({
          where: { state: 'PENDING', run: { status: { in: ['PENDING', 'RUNNING'] } } },
        }),
      );
    },
  });
  new Gauge({
    name: 'hub_audit_writes_pending',
    help: "Requests whose audit entries wait for the group-commit writer's next transaction",
    registers: [registry],
    collect() {
      this.set(sources.auditQueue());
    },
  });
  return {
    registry,
    httpRequests: new Counter({
      name: 'hub_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'hub_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'hub_graphql_operations_total',
      help: 'GraphQL operations, by type (query, mutation, or unknown when unparsable) and outcome',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    disclosureDenials: new Counter({
      name: 'hub_disclosure_denials_total',
      help: 'Data items withheld from a caller, one per distinct decision in a request, by reason and data item',
      labelNames: ['reason', 'item'],
      registers: [registry],
    }),
    rateLimitRefusals: new Counter({
      name: 'hub_rate_limit_refusals_total',
      help: 'Requests refused with 429, by kind of caller',
      labelNames: ['caller'],
      registers: [registry],
    }),
    inFlightRequests: new Gauge({
      name: 'hub_in_flight_requests',
      help: 'Requests being answered now, counted against HUB_MAX_IN_FLIGHT_REQUESTS (probes and /metrics not counted)',
      registers: [registry],
    }),
    overloadRefusals: new Counter({
      name: 'hub_overload_refusals_total',
      help: 'Requests refused with 503 OVERLOADED because HUB_MAX_IN_FLIGHT_REQUESTS were being answered',
      registers: [registry],
    }),
  };
}
