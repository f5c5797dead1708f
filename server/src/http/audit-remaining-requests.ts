import type { PrismaClient } from '@hub/prisma';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { auditNoteOf, wasAudited } from './audited-requests.ts';
import { viewerOfRequest } from './request-viewer.ts';

// The hub's API: every request to these leaves an entry, whoever sends it and however it ends.
const API_PATH = /^\/(?:graphql|oauth|datasets|comparisons|regions|verification-requests)(?:[/?]|$)/;

/**
 * Whether a request must be on record: any request to the API, and any other request that carried credentials and
 * was refused (a bad token at /metrics). Probes, the portal's files and CORS preflights are not.
 */
function mustBeAudited(request: FastifyRequest, status: number): boolean {
  if (request.method === 'OPTIONS') return false;
  if (API_PATH.test(request.url)) return true;
  return request.headers.authorization !== undefined && status >= 400;
}

/**
 * A root onSend hook: each request that no route audited itself leaves one entry saying who did what with which
 * outcome — a dataset delivery and its rejects report, but also every refusal before a resolver or route ran: a
 * batch, a CSRF refusal, malformed JSON, 413, 415, 429, a refused /comparisons or /datasets request, every
 * /oauth/token exchange, a 503 for overload. A refusal (4xx, and the overload's 503) is DENIED. The entry is written before the answer leaves; if it cannot be,
 * the answer is withheld with 503.
 */
export function auditRemainingRequests(prisma: PrismaClient, writer: AuditWriter) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const status = reply.statusCode;
    if (wasAudited(request) || !mustBeAudited(request, status)) return payload;
    const note = auditNoteOf(request);
    const viewer = note?.viewer !== undefined ? note.viewer : await viewerOfRequest(prisma, request).catch(() => null);
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    try {
      await auditHttpRequest(writer, request, {
        viewer,
        purpose: null,
        operation: `${request.method} ${route}${note?.detail ? ` (${note.detail})` : ''} → ${status}`,
        refused: (status >= 400 && status < 500) || note?.refused === true,
      });
      return payload;
    } catch (error) {
      request.log.error(`audit write failed for ${request.method} ${route} → ${status}: ${error}`);
      // An answer that is already "unavailable" discloses nothing and says why (the database is down, most likely
      // the reason the entry could not be written either): it goes out as it is.
      if (status === 503) return payload;
      withholdForAudit(reply).header('content-type', 'application/json; charset=utf-8');
      // A GraphQL client reads GraphQL errors; the other routes answer with their own error shape.
      return JSON.stringify(
        route === '/graphql'
          ? { errors: [{ message: AUDIT_UNAVAILABLE_BODY.error.message, extensions: { code: 'AUDIT_UNAVAILABLE' } }] }
          : AUDIT_UNAVAILABLE_BODY,
      );
    }
  };
}
