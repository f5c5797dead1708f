import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { HttpLimits } from './http-limits.ts';

/**
 * Security headers on every answer (the portal's files and the API alike) and CORS for the configured origins only.
 * The CSP suits the portal, a Vite-built React app served from this origin: its own scripts only, inline styles
 * (MUI's emotion writes them), images from itself or data:/blob: URLs, API calls to itself, and no framing.
 * HSTS and upgrade-insecure-requests only when HUB_HSTS=true, i.e. when the hub is reached over TLS.
 * The hub authenticates by `Authorization: Bearer` alone, never cookies: CORS never allows credentials.
 */
export async function registerSecurityHeaders(app: FastifyInstance, limits: HttpLimits): Promise<void> {
  await app.register(helmet, {
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
