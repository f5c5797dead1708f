import type { PrismaClient } from '@hub/prisma';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { viewerOfRequest } from './request-viewer.ts';

/**
 * An onSend hook for the hub's plain HTTP routes (dataset deliveries and their rejects reports): each request
 * leaves an entry saying who did what with which outcome, written before the answer leaves. If it cannot be
 * written the answer is withheld with 503; a delivery already made stays made, and sending the same file again
 * is recognised as such.
 */
export function auditRouteRequests(prisma: PrismaClient, writer: AuditWriter) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const viewer = await viewerOfRequest(prisma, request).catch(() => null);
    const status = reply.statusCode;
    try {
      await auditHttpRequest(writer, request, {
        viewer,
        purpose: null,
        operation: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]} → ${status}`,
        refused: status === 401 || status === 403,
      });
      return payload;
    } catch {
      withholdForAudit(reply).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(AUDIT_UNAVAILABLE_BODY);
    }
  };
}
