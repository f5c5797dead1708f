import type { PrismaClient } from '@hub/prisma';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { createDisclosureLog } from '../audit/disclosure-log.ts';
import { formAuditEntries } from '../audit/form-audit-entries.ts';
import { resolveViewer } from '../identity/resolve-viewer.ts';

/**
 * An onSend hook for the hub's plain HTTP routes (dataset deliveries and their rejects reports): each request
 * leaves an entry saying who did what with which outcome, written before the answer leaves. If it cannot be
 * written the answer is withheld with 503; a delivery already made stays made, and sending the same file again
 * is recognised as such.
 */
export function auditRouteRequests(prisma: PrismaClient, writer: AuditWriter) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const viewer = await resolveViewer(prisma, request.headers.authorization).catch(() => null);
    const status = reply.statusCode;
    try {
      await writer.write(
        formAuditEntries({
          viewer,
          purpose: null,
          requestId: request.id,
          clientAddress: request.ip,
          operation: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]} → ${status}`,
          occurredAt: new Date(),
          disclosures: createDisclosureLog(),
          refused: status === 401 || status === 403,
        }),
      );
      return payload;
    } catch {
      reply.code(503).header('retry-after', '1').header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        error: {
          code: 'AUDIT_UNAVAILABLE',
          message: 'the audit trail is unavailable, so the answer was withheld; retry',
        },
      });
    }
  };
}
