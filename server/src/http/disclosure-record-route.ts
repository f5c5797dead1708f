import type { PrismaClient } from '@hub/prisma';
import type { AuditService } from '@hub/schema/context';
import { maskedIdNumber } from '@hub/schema/disclosure/masks';
import { validIdNumber } from '@hub/schema/persons/id-number-argument';
import { viewerHolds } from '@hub/schema/scopes';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AccessDoor } from '../access/create-access-door.ts';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { createDisclosureLog } from '../audit/disclosure-log.ts';
import { renderDisclosureRecord } from '../audit/render-disclosure-record.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { viewerOfRequest } from './request-viewer.ts';

const LIMIT = 500;
const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message } });

/**
 * POST /audit/disclosure-record with `{ "idNumber": "…" }`: a person's disclosure record (查询记录) as a printable
 * zh-CN page, for staff who may read it (`disclosures:read`) and reach the person through the access door. A person
 * outside reach answers exactly like one the hub does not hold (404). The number travels in the body, never in a URL
 * that proxies and browser histories keep; the look is itself an audit entry about the person, written before the
 * page is sent.
 */
export async function disclosureRecordRoute(
  app: FastifyInstance,
  options: { prisma: PrismaClient; door: AccessDoor; audit: AuditService; auditWriter: AuditWriter | undefined },
): Promise<void> {
  const { prisma, door } = options;
  app.post<{ Body: { idNumber?: unknown } | null }>('/audit/disclosure-record', async (request, reply) => {
    const viewer = await viewerOfRequest(prisma, request);
    const operation = 'disclosure record';
    const refused = async (status: number, code: string, message: string) => {
      if (options.auditWriter) {
        await auditHttpRequest(options.auditWriter, request, { viewer, purpose: null, operation, refused: true });
      }
      return refuse(reply, status, code, message);
    };
    if (!viewer) return refused(401, 'UNAUTHENTICATED', 'send a bearer token');
    if (!viewerHolds(viewer, 'disclosures:read')) return refused(403, 'FORBIDDEN', 'your role does not allow this');
    let idNumber: string;
    try {
      const given = request.body?.idNumber;
      idNumber = validIdNumber(typeof given === 'string' ? given : '');
    } catch (error) {
      return refused(400, 'INVALID_ID_NUMBER', (error as Error).message);
    }
    const disclosures = createDisclosureLog();
    const access = door({ viewer, purpose: null, declaredPurpose: null, disclosures });
    const person = (await access.reachesPerson({ idNumber }))
      ? await prisma.person.findUnique({ where: { idNumber }, select: { id: true, name: true } })
      : null;
    if (!person) return refused(404, 'NOT_FOUND', 'the hub holds no such person within your reach');
    disclosures.touch({ subjectPersonId: person.id, subjectHouseholdId: null });
    const found = await options.audit.disclosuresAbout(person.id, LIMIT + 1);
    try {
      if (options.auditWriter) {
        await auditHttpRequest(options.auditWriter, request, { viewer, purpose: null, operation, disclosures });
      }
    } catch {
      return withholdForAudit(reply).send(AUDIT_UNAVAILABLE_BODY);
    }
    const page = renderDisclosureRecord(
      {
        name: person.name,
        maskedIdNumber: maskedIdNumber(idNumber),
        disclosures: found.slice(0, LIMIT),
        truncated: found.length > LIMIT,
      },
      new Date(),
    );
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  });
}
