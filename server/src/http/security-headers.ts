import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { HttpLimits } from './http-limits.ts';

/**
 * Security headers on every answer (the portal's files and the API alike) and CORS for the configured origins only.
 * The CSP suits the portal, a Vite-built React app served from this origin: its own scripts only, inline styles
 * (MUI's emotion writes them), images from itself or data:/blob: URLs, API calls to itself, and no framing.
 * HSTS and upgrade-insecure-requests only when HUB_HSTS=true, i.e. when the hub is reached over TLS.
 * The hub authenticates by `Authorization: Bearer` alone, never cookies: CORS never allows credentials.
 * Helmet's middleware is built once here and run on each request's raw answer: @fastify/helmet built it anew for
 * every request (1.9 % of a partner request's CPU time, docs/benchmarks.md).
 */
export async function registerSecurityHeaders(app: FastifyInstance, limits: HttpLimits): Promise<void> {
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(limits.hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: limits.hsts ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  await app.register(cors, {
    // No configured origin: no CORS headers at all, so a browser lets only same-origin pages call the API.
    origin: limits.corsOrigins.length > 0 ? [...limits.corsOrigins] : false,
    credentials: false,
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'x-hub-purpose',
      'x-request-id',
      'apollo-require-preflight',
      'x-hub-as-of',
      'x-hub-reject-threshold',
    ],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}
