import type { Purpose } from '@hub/prisma';
import type { DisclosureLog, Viewer } from '@hub/schema/context';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { createDisclosureLog } from '../audit/disclosure-log.ts';
import { formAuditEntries } from '../audit/form-audit-entries.ts';
import { markAudited } from './audited-requests.ts';

/**
 * Writes the audit entries of one plain HTTP request (not GraphQL): one per household it shows, or one for a
 * request about nobody. Resolves once they are committed; rejects when they could not be written.
 */
export async function auditHttpRequest(
  writer: AuditWriter,
  request: FastifyRequest,
  facts: {
    viewer: Viewer | null;
    purpose: Purpose | null;
    operation: string;
    householdIds?: readonly string[];
    refused?: boolean;
    /** What the request disclosed and withheld, as the access door decided it. */
    disclosures?: DisclosureLog;
  },
): Promise<void> {
  markAudited(request);
  const disclosures = facts.disclosures ?? createDisclosureLog();
  for (const id of facts.householdIds ?? []) disclosures.touch({ subjectPersonId: null, subjectHouseholdId: id });
  await writer.write(
    formAuditEntries({
      viewer: facts.viewer,
      purpose: facts.purpose,
      requestId: request.id,
      clientAddress: request.ip,
      operation: facts.operation,
      occurredAt: new Date(),
      disclosures,
      refused: facts.refused ?? false,
    }),
  );
}

/** The answer instead of one whose evidence could not be written. */
export const AUDIT_UNAVAILABLE_BODY = {
  error: { code: 'AUDIT_UNAVAILABLE', message: 'the audit trail is unavailable, so the answer was withheld; retry' },
};

export function withholdForAudit(reply: FastifyReply): FastifyReply {
  return reply.code(503).header('retry-after', '1');
}
