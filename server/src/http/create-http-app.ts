import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyApollo from '@as-integrations/fastify';
import fastifyStatic from '@fastify/static';
import { createPrismaClient, type PrismaClient } from '@hub/prisma';
import type { AuditService, HubServices } from '@hub/schema/context';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { type AccessDoor, createAccessDoor } from '../access/create-access-door.ts';
import { createGrantCache } from '../access/grant-cache.ts';
import { createSharingAgreementService } from '../agreements/create-sharing-agreement-service.ts';
import { keepAuditPartitions } from '../audit/audit-partitions.ts';
import { countQueryVolume } from '../audit/count-query-volume.ts';
import { type AuditCheckpointer, createAuditCheckpointer } from '../audit/create-audit-checkpointer.ts';
import { type AuditWriter, createAuditWriter } from '../audit/create-audit-writer.ts';
import { findDisclosuresAbout } from '../audit/find-disclosures-about.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import type { PrimaryLink } from '../cluster/primary-link.ts';
import { type ComparisonProgressFeed, createComparisonProgressFeed } from '../comparisons/comparison-progress-feed.ts';
import { createComparisonService } from '../comparisons/create-comparison-service.ts';
import { createConnectorRegistry } from '../connectors/create-connector-registry.ts';
import { createConnectorService } from '../connectors/create-connector-service.ts';
import { createConsentService } from '../consents/create-consent-service.ts';
import { createDepartmentService } from '../departments/create-department-service.ts';
import { createDiscrepancyCaseService } from '../discrepancy-cases/create-discrepancy-case-service.ts';
import { createDiscrepancyCaseSweeper } from '../discrepancy-cases/create-discrepancy-case-sweeper.ts';
import { readDiscrepancyCasePolicy } from '../discrepancy-cases/discrepancy-case-policy.ts';
import { createApiClientService } from '../identity/create-api-client-service.ts';
import { createIdentityService } from '../identity/create-identity-service.ts';
import { readSessionPolicy, type SessionPolicy } from '../identity/session-policy.ts';
import { createTokenHolderCache } from '../identity/token-holder-cache.ts';
import { createLookupService } from '../lookups/create-lookup-service.ts';
import { createRegisterService } from '../register/create-register-service.ts';
import { createVerificationRequestService } from '../requests/create-verification-request-service.ts';
import { createAssistanceStandardService } from '../standards/create-assistance-standard-service.ts';
import { auditCheckpointsRoute } from './audit-checkpoints-route.ts';
import { auditRemainingRequests } from './audit-remaining-requests.ts';
import { auditRequestsPlugin } from './audit-requests-plugin.ts';
import { bindContextToRequest } from './audited-requests.ts';
import { comparisonExportRoutes } from './comparison-export-routes.ts';
import { comparisonProgressRoute } from './comparison-progress-route.ts';
import { createApolloServer } from './create-apollo-server.ts';
import { createRequestContext } from './create-request-context.ts';
import { disclosureRecordRoute } from './disclosure-record-route.ts';
import { discrepancyCaseExportRoute } from './discrepancy-case-export-route.ts';
import { drainRefusedBodies } from './drain-refused-bodies.ts';
import { graphqlMetricsPlugin } from './graphql-metrics-plugin.ts';
import { type HttpLimits, readHttpLimits } from './http-limits.ts';
import { createHubMetrics, type HubMetrics } from './hub-metrics.ts';
import { registerLoadShedding } from './load-shedding.ts';
import { loggerOptions } from './logger-options.ts';
import { addMetrics } from './metrics-route.ts';
import { oauthTokenRoute } from './oauth-token-route.ts';
import { registerRateLimits } from './rate-limits.ts';
import { createReadinessProbe } from './readiness.ts';
import { regionTableRoute } from './region-table-route.ts';
import { requestIdFor } from './request-id.ts';
import { useTokenHolderCache } from './request-viewer.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { snapshotRejectsRoute } from './snapshot-rejects-route.ts';
import { snapshotUploadRoute } from './snapshot-upload-route.ts';
import { verificationRequestBatchRoute } from './verification-request-batch-route.ts';

/** The portal's Vite build (`pnpm --filter @hub/admin build`; `pnpm start` makes it when missing or stale). */
export const defaultPortalDirectory = join(import.meta.dirname, '../../../admin/dist');

// In-flight requests get this long to finish when the app closes; then their connections are cut.
const DRAIN_TIMEOUT_MS = 10_000;

export interface HttpApp {
  app: FastifyInstance;
  /** Listens and resolves with the URL it serves, e.g. http://127.0.0.1:4000. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets in-flight ones finish, then closes Apollo and the database pools. */
  close(): Promise<void>;
  /** Progress streams still watching a run: zero once every client has gone. */
  progressWatchers(): number;
}

/**
 * The hub's HTTP app: GraphQL at /graphql, bulk delivery at /datasets, /healthz and /readyz, /metrics for a
 * scraper with its token, and the portal's files at /; every answer with security headers, API calls rate limited.
 */
export async function createHttpApp(options: {
  databaseUrl: string;
  portalDirectory?: string;
  /** true: JSON log lines to stdout; a stream: to it (tests read what would be logged). */
  logger?: boolean | DestinationStream;
  /** Overrides of the limits read from the environment (README, Operations → Limits). */
  limits?: Partial<HttpLimits>;
  /** Overrides of HUB_SESSION_TTL_MINUTES / HUB_SESSION_IDLE_MINUTES for sessions started here. */
  sessions?: Partial<SessionPolicy>;
  /** false only for `pnpm bench api`, to measure what the permission engine costs: every caller sees everything. */
  enforcement?: boolean;
  /**
   * For benchmarks only, which measure what audit costs by comparing: `false` answers requests without writing
   * their audit entries. Every real deployment audits (the default).
   */
  audit?: boolean;
  /** Start due scheduled comparisons in this process and work them (`hub start` does; tests do not). */
  runComparisonSchedules?: boolean;
  /**
   * Discrepancy cases: the clock their deadlines are measured by (tests inject one), and how often this process
   * sweeps them for reminders and escalations (`hub start` does; without it, none here).
   */
  discrepancyCases?: { now?: () => Date; sweepEveryMs?: number };
  /** How often an idle progress stream sends a heartbeat comment (default 15 s). */
  progressHeartbeatMs?: number;
  /** Sign the chain head into this file (docs/audit-evidence.md); `hub start` always does. */
  auditCheckpoints?: {
    file: string;
    privateKey: KeyObject;
    everyEntries: number;
    everyMilliseconds: number;
    /** A witness fetches /audit/checkpoints with it; without one that route does not exist. */
    witnessToken?: string;
  };
  /**
   * In one HTTP instance of `hub start --instances N`: the primary signs the checkpoints, renews the trail's
   * partitions and works comparison runs; this process serves and reports to it (without auditCheckpoints).
   */
  primary?: PrimaryLink;
}): Promise<HttpApp> {
  const prisma = createPrismaClient(options.databaseUrl);
  const readiness = createReadinessProbe(options.databaseUrl);
  const checkpointPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  checkpointPool.on('error', () => {});
  const checkpointer =
    options.primary?.checkpoints ??
    (options.auditCheckpoints && createAuditCheckpointer(checkpointPool, options.auditCheckpoints));
  // The coming months' partitions of the trail, renewed daily while the hub runs (`hub start` made them at migrate).
  const partitionKeeper = options.auditCheckpoints && keepAuditPartitions(checkpointPool);
  const checkpointKey =
    options.primary?.publicKey ?? (options.auditCheckpoints && createPublicKey(options.auditCheckpoints.privateKey));
  const auditWriter =
    options.audit === false
      ? undefined
      : createAuditWriter(options.databaseUrl, { onWritten: (entries) => checkpointer?.written(entries) });
  // Its own connection: a long verification never holds up the writer, and two run one after the other.
  const verificationPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  verificationPool.on('error', () => {});
  // Rejects reports stream from here; each upload opens a connection of its own (its staging table is temporary).
  const deliveryPool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  deliveryPool.on('error', () => {});
  // The dashboard's counts have a connection of their own: a long verification never holds them up.
  const statisticsPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  statisticsPool.on('error', () => {});
  const audit: AuditService = {
    verifyChain: () => verifyAuditChain(verificationPool, checkpointer?.latest(Number.MAX_SAFE_INTEGER)),
    queryVolume: (firstDay) => countQueryVolume(statisticsPool, firstDay),
    disclosuresAbout: (personId, limit) => findDisclosuresAbout(statisticsPool, personId, limit),
  };
  // Live connectors keep their circuits in this process: the runs it works and the health the portal reads share them.
  const connectorPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  connectorPool.on('error', () => {});
  const connectors = createConnectorRegistry(connectorPool);
  const comparisons = createComparisonService(options.databaseUrl, {
    scheduleEveryMs: options.runComparisonSchedules ? 60_000 : undefined,
    connectors,
    workElsewhere: options.primary?.workComparisonRun,
  });
  const progressFeed = createComparisonProgressFeed(options.databaseUrl);
  const casePolicy = readDiscrepancyCasePolicy();
  const casePool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  casePool.on('error', () => {});
  const caseSweepEveryMs = options.discrepancyCases?.sweepEveryMs;
  const caseSweeper = caseSweepEveryMs
    ? createDiscrepancyCaseSweeper(options.databaseUrl, {
        everyMs: caseSweepEveryMs,
        policy: casePolicy,
        now: options.discrepancyCases?.now,
      })
    : undefined;
  // Access tokens' holders, kept per instance and forgotten on any change (token-holder-cache.ts).
  const tokenHolders = createTokenHolderCache(options.databaseUrl);
  useTokenHolderCache(prisma, tokenHolders);
  const services = {
    identity: createIdentityService(prisma, { ...readSessionPolicy(), ...options.sessions }),
    departments: createDepartmentService(prisma),
    standards: createAssistanceStandardService(prisma),
    apiClients: createApiClientService(prisma, tokenHolders),
    agreements: createSharingAgreementService(prisma, () => grants?.invalidate()),
    consents: createConsentService(prisma),
    audit,
    comparisons: comparisons.service,
    connectors: createConnectorService(prisma, connectors),
    register: createRegisterService(prisma),
    verificationRequests: createVerificationRequestService(deliveryPool, comparisons.service),
    discrepancyCases: createDiscrepancyCaseService(casePool, {
      policy: casePolicy,
      maxAttachmentBytes: casePolicy.maxAttachmentBytes,
      now: options.discrepancyCases?.now,
    }),
    lookups: createLookupService(prisma),
  };
  const grants = options.enforcement === false ? null : createGrantCache(prisma, options.databaseUrl);
  const limits = { ...readHttpLimits(), ...options.limits };
  const metrics = createHubMetrics({ prisma, auditQueue: () => auditWriter?.queued() ?? 0 });
  const app = Fastify({
    logger: options.logger ? loggerOptions({ stream: options.logger === true ? undefined : options.logger }) : false,
    genReqId: requestIdFor,
    requestIdHeader: false,
    // JSON bodies (/graphql, /oauth/token); snapshot uploads stream past the parsers and have a limit of their own.
    bodyLimit: limits.bodyLimitBytes,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  drainRefusedBodies(app);
  app.addHook('onClose', async () => {
    await Promise.all([grants?.close(), tokenHolders.close()]);
    await Promise.allSettled([
      prisma.$disconnect(),
      readiness.close(),
      Promise.all([auditWriter?.close(), partitionKeeper?.close()]).then(async () => {
        await checkpointer?.close();
        await checkpointPool.end();
      }),
      verificationPool.end(),
      statisticsPool.end(),
      deliveryPool.end(),
      comparisons.close().then(() => {
        connectors.close();
        return connectorPool.end();
      }),
      progressFeed.close(),
      Promise.resolve(caseSweeper?.close()).then(() => casePool.end()),
    ]);
  });
  try {
    await registerRoutes(app, {
      databaseUrl: options.databaseUrl,
      deliveryPool,
      casePool,
      prisma,
      readiness,
      services,
      door: createAccessDoor(prisma, grants),
      auditWriter,
      checkpoints: checkpointer &&
        checkpointKey && {
          checkpointer,
          publicKey: checkpointKey,
          token: options.primary ? options.primary.witnessToken : options.auditCheckpoints?.witnessToken,
        },
      progress: { feed: progressFeed, heartbeatMs: options.progressHeartbeatMs ?? 15_000 },
      portalDirectory: options.portalDirectory,
      limits,
      metrics,
    });
  } catch (error) {
    await app.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    listen: (port, host = '127.0.0.1') => app.listen({ port, host }),
    progressWatchers: () => progressFeed.watchers(),
    close: () => {
      closing ??= (async () => {
        // A keep-alive connection goes idle when its last request finishes: close it then, not at its timeout.
        const sweep = setInterval(() => app.server.closeIdleConnections(), 50).unref();
        const cut = setTimeout(() => app.server.closeAllConnections(), DRAIN_TIMEOUT_MS).unref();
        try {
          await app.close();
        } finally {
          clearInterval(sweep);
          clearTimeout(cut);
        }
      })();
      return closing;
    },
  };
}

async function registerRoutes(
  app: FastifyInstance,
  services: {
    databaseUrl: string;
    deliveryPool: pg.Pool;
    casePool: pg.Pool;
    prisma: PrismaClient;
    readiness: ReturnType<typeof createReadinessProbe>;
    services: Omit<HubServices, 'datasets'>;
    door: AccessDoor;
    auditWriter: AuditWriter | undefined;
    checkpoints: { checkpointer: AuditCheckpointer; publicKey: KeyObject; token: string | undefined } | undefined;
    progress: { feed: ComparisonProgressFeed; heartbeatMs: number };
    portalDirectory?: string;
    limits: HttpLimits;
    metrics: HubMetrics;
  },
): Promise<void> {
  const { prisma, readiness, door, auditWriter, limits, metrics } = services;
  // First, at the root: it sees every answer, including refusals before any route or resolver ran.
  if (auditWriter) app.addHook('onSend', auditRemainingRequests(prisma, auditWriter));
  await registerSecurityHeaders(app, limits);
  // Before anything that works for a request (the rate limiter looks its caller up), after the headers every answer has.
  registerLoadShedding(app, { maxInFlight: limits.maxInFlightRequests, metrics });
  addMetrics(app, { metrics, token: limits.metricsToken });
  await registerRateLimits(app, { prisma, databaseUrl: services.databaseUrl, limits, metrics });
  const apollo = createApolloServer(app.log, limits, [
    graphqlMetricsPlugin(metrics),
    ...(auditWriter ? [auditRequestsPlugin(auditWriter)] : []),
  ]);
  await apollo.start();
  // Hooks run in reverse order of adding: Apollo stops before the pools close.
  app.addHook('onClose', () => apollo.stop());
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      const context = await createRequestContext({ prisma, services: services.services, door }, request);
      bindContextToRequest(context, request);
      return context;
    },
  });
  await app.register(oauthTokenRoute, { prisma });
  await app.register(comparisonExportRoutes, { prisma, door, auditWriter });
  await app.register(discrepancyCaseExportRoute, {
    prisma,
    pool: services.casePool,
    door,
    auditWriter,
    today: () => services.services.discrepancyCases.today(),
  });
  await app.register(disclosureRecordRoute, { prisma, door, audit: services.services.audit, auditWriter });
  await app.register(comparisonProgressRoute, { prisma, door, auditWriter, ...services.progress });
  await app.register(snapshotUploadRoute, {
    prisma,
    databaseUrl: services.databaseUrl,
    uploadLimitBytes: limits.uploadLimitBytes,
  });
  await app.register(snapshotRejectsRoute, { prisma, pool: services.deliveryPool });
  await app.register(regionTableRoute, {
    prisma,
    databaseUrl: services.databaseUrl,
    uploadLimitBytes: limits.uploadLimitBytes,
  });
  await app.register(verificationRequestBatchRoute, {
    prisma,
    requests: services.services.verificationRequests,
    bodyLimitBytes: Math.min(limits.uploadLimitBytes, 256 * 1024 ** 2),
  });
  if (services.checkpoints) await app.register(auditCheckpointsRoute, services.checkpoints);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const result = await readiness.check();
    return result.ready ? { status: 'ready' } : reply.code(503).send({ status: 'unavailable', reason: result.reason });
  });

  const portalDirectory = resolve(services.portalDirectory ?? defaultPortalDirectory);
  if (existsSync(join(portalDirectory, 'index.html'))) await servePortal(app, portalDirectory);
  else app.log.warn(`no portal at ${portalDirectory}; serving the API only`);
}

// Paths the hub answers itself: an unknown one of these is a 404, never the portal's page.
const API_PREFIXES = [
  '/graphql',
  '/oauth',
  '/datasets',
  '/comparisons',
  '/verification-requests',
  '/regions',
  '/audit',
  '/healthz',
  '/readyz',
  '/metrics',
];
// A page path is plain words and slashes: an encoded character or a dot (`/..%2fetc`, `/x.json`) is no page of ours.
const PAGE_PATH = /^\/[A-Za-z0-9_\-/]*$/;

/** The portal's files at /, and its index.html for any other page path, so that a reload or a deep link works. */
async function servePortal(app: FastifyInstance, portalDirectory: string): Promise<void> {
  await app.register(fastifyStatic, { root: portalDirectory, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) &&
      PAGE_PATH.test(path);
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${path}` } });
  });
}
