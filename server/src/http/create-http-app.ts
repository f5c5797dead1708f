import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyApollo from '@as-integrations/fastify';
import fastifyStatic from '@fastify/static';
import { createPrismaClient, type PrismaClient } from '@hub/prisma';
import type { AuditService, HubServices } from '@hub/schema/context';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { createSharingAgreementService } from '../agreements/create-sharing-agreement-service.ts';
import { countQueryVolume } from '../audit/count-query-volume.ts';
import { type AuditWriter, createAuditWriter } from '../audit/create-audit-writer.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { createComparisonService } from '../comparisons/create-comparison-service.ts';
import { createConsentService } from '../consents/create-consent-service.ts';
import { createDepartmentService } from '../departments/create-department-service.ts';
import { createApiClientService } from '../identity/create-api-client-service.ts';
import { createIdentityService } from '../identity/create-identity-service.ts';
import { createGrantCache, type GrantCache } from '../permissions/grant-cache.ts';
import { createAssistanceStandardService } from '../standards/create-assistance-standard-service.ts';
import { auditRequestsPlugin } from './audit-requests-plugin.ts';
import { auditRouteRequests } from './audit-route-requests.ts';
import { comparisonExportRoutes } from './comparison-export-routes.ts';
import { createApolloServer } from './create-apollo-server.ts';
import { createRequestContext } from './create-request-context.ts';
import { oauthTokenRoute } from './oauth-token-route.ts';
import { createReadinessProbe } from './readiness.ts';
import { requestIdFor } from './request-id.ts';
import { snapshotRejectsRoute } from './snapshot-rejects-route.ts';
import { snapshotUploadRoute } from './snapshot-upload-route.ts';

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
}

/** The hub's HTTP app: GraphQL at /graphql, bulk delivery at /datasets, /healthz and /readyz, and the portal's files at /. */
export async function createHttpApp(options: {
  databaseUrl: string;
  portalDirectory?: string;
  logger?: boolean;
  /** false only for `pnpm bench api`, to measure what the permission engine costs: every caller sees everything. */
  enforcement?: boolean;
  /**
   * For benchmarks only, which measure what audit costs by comparing: `false` answers requests without writing
   * their audit entries. Every real deployment audits (the default).
   */
  audit?: boolean;
}): Promise<HttpApp> {
  const prisma = createPrismaClient(options.databaseUrl);
  const readiness = createReadinessProbe(options.databaseUrl);
  const auditWriter = options.audit === false ? undefined : createAuditWriter(options.databaseUrl);
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
    verifyChain: () => verifyAuditChain(verificationPool),
    queryVolume: (firstDay) => countQueryVolume(statisticsPool, firstDay),
  };
  const comparisons = createComparisonService(options.databaseUrl);
  const services = {
    identity: createIdentityService(prisma),
    departments: createDepartmentService(prisma),
    standards: createAssistanceStandardService(prisma),
    apiClients: createApiClientService(prisma),
    agreements: createSharingAgreementService(prisma),
    consents: createConsentService(prisma),
    audit,
    comparisons: comparisons.service,
  };
  const grants = options.enforcement === false ? null : createGrantCache(prisma, options.databaseUrl);
  const app = Fastify({
    logger: options.logger
      ? {
          level: process.env.LOG_LEVEL ?? 'info',
          // A GET /graphql carries its variables, identity numbers among them, in the query string: log the path only.
          serializers: {
            req: (request: { method: string; url: string; ip?: string }) => ({
              method: request.method,
              path: request.url.split('?')[0],
              remoteAddress: request.ip,
            }),
          },
        }
      : false,
    genReqId: requestIdFor,
    requestIdHeader: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', async () => {
    await grants?.close();
    await Promise.allSettled([
      prisma.$disconnect(),
      readiness.close(),
      auditWriter?.close(),
      verificationPool.end(),
      statisticsPool.end(),
      deliveryPool.end(),
      comparisons.close(),
    ]);
  });
  try {
    await registerRoutes(app, {
      databaseUrl: options.databaseUrl,
      deliveryPool,
      prisma,
      readiness,
      services,
      grants,
      auditWriter,
      portalDirectory: options.portalDirectory,
    });
  } catch (error) {
    await app.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    listen: (port, host = '127.0.0.1') => app.listen({ port, host }),
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
    prisma: PrismaClient;
    readiness: ReturnType<typeof createReadinessProbe>;
    services: Omit<HubServices, 'datasets'>;
    grants: GrantCache | null;
    auditWriter: AuditWriter | undefined;
    portalDirectory?: string;
  },
): Promise<void> {
  const { prisma, readiness, grants, auditWriter } = services;
  const apollo = createApolloServer(app.log, auditWriter ? [auditRequestsPlugin(auditWriter)] : []);
  await apollo.start();
  // Hooks run in reverse order of adding: Apollo stops before the pools close.
  app.addHook('onClose', () => apollo.stop());
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: (request) => createRequestContext({ prisma, services: services.services, grants }, request),
  });
  await app.register(oauthTokenRoute, { prisma });
  await app.register(comparisonExportRoutes, { prisma, auditWriter });
  await app.register(async (deliveries) => {
    if (auditWriter) deliveries.addHook('onSend', auditRouteRequests(prisma, auditWriter));
    await deliveries.register(snapshotUploadRoute, { prisma, databaseUrl: services.databaseUrl });
    await deliveries.register(snapshotRejectsRoute, { prisma, pool: services.deliveryPool });
  });
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
const API_PREFIXES = ['/graphql', '/oauth', '/datasets', '/comparisons', '/healthz', '/readyz'];

/** The portal's files at /, and its index.html for any other page path, so that a reload or a deep link works. */
async function servePortal(app: FastifyInstance, portalDirectory: string): Promise<void> {
  await app.register(fastifyStatic, { root: portalDirectory, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) &&
      !/\.[a-z0-9]+$/i.test(path);
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${path}` } });
  });
}
