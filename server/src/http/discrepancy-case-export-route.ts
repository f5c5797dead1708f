import { AssessmentFlagCode, DiscrepancyCaseStatus, type PrismaClient } from '@hub/prisma';
import { viewerHolds } from '@hub/schema/scopes';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { AccessDoor } from '../access/create-access-door.ts';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { COMPARISON_PURPOSE } from '../comparisons/comparison-purpose.ts';
import { CASE_EXPORT_HEADERS, readDiscrepancyCaseRows } from '../discrepancy-cases/discrepancy-case-export-rows.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { viewerOfRequest } from './request-viewer.ts';

// The portal inbox's quick filters (admin/src/discrepancy-cases/InboxTabs.tsx); OFFICE narrows nothing.
const INBOXES = ['MINE', 'OFFICE', 'OVERDUE', 'DUE_THIS_WEEK'];

const csvCell = (value: string | null) => {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * GET /discrepancy-cases.csv[?status=…&flag=…&inbox=MINE|OFFICE|OVERDUE|DUE_THIS_WEEK]: the cases of the offices the access door lets the caller reach, for the
 * officers who work them (401 without a token, 403 for another role). One audit entry per household shown, written
 * before the answer; when they cannot be written, nothing is sent.
 */
export async function discrepancyCaseExportRoute(
  app: FastifyInstance,
  options: {
    prisma: PrismaClient;
    pool: pg.Pool;
    door: AccessDoor;
    auditWriter: AuditWriter | undefined;
    today: () => string;
  },
): Promise<void> {
  app.get<{ Querystring: { status?: string; flag?: string; inbox?: string } }>(
    '/discrepancy-cases.csv',
    async (request, reply) => {
      const viewer = await viewerOfRequest(options.prisma, request);
      if (!viewer) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'send a bearer token' } });
      if (!viewerHolds(viewer, 'discrepancyCases:work')) {
        return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'your role does not allow this' } });
      }
      const status = request.query?.status ?? null;
      if (status !== null && !Object.hasOwn(DiscrepancyCaseStatus, status)) {
        const allowed = Object.keys(DiscrepancyCaseStatus).join(', ');
        return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: `status must be one of ${allowed}` } });
      }
      const flag = request.query?.flag ?? null;
      if (flag !== null && !Object.hasOwn(AssessmentFlagCode, flag)) {
        const allowed = Object.keys(AssessmentFlagCode).join(', ');
        return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: `flag must be one of ${allowed}` } });
      }
      const inbox = request.query?.inbox ?? 'OFFICE';
      if (!INBOXES.includes(inbox)) {
        return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: `inbox must be one of ${INBOXES}` } });
      }
      const offices = await options.door({ viewer, purpose: null, declaredPurpose: null }).discrepancyCaseOffices();
      const { rows, householdIds } = await readDiscrepancyCaseRows(options.pool, {
        offices,
        today: options.today(),
        status,
        flag,
        assigneeId: inbox === 'MINE' && viewer.kind === 'USER' ? viewer.userId : null,
        overdue: inbox === 'OVERDUE',
        dueWithinDays: inbox === 'DUE_THIS_WEEK' ? 7 : null,
      });
      try {
        if (options.auditWriter) {
          await auditHttpRequest(options.auditWriter, request, {
            viewer,
            purpose: COMPARISON_PURPOSE.PERIODIC_REVIEW,
            operation: 'export discrepancy-cases.csv',
            householdIds,
          });
        }
      } catch {
        return withholdForAudit(reply).send(AUDIT_UNAVAILABLE_BODY);
      }
      // The BOM lets spreadsheet programs read the Chinese.
      const lines = [CASE_EXPORT_HEADERS, ...rows].map((row) => `${row.map(csvCell).join(',')}\n`);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="discrepancy-cases.csv"')
        .send(`\uFEFF${lines.join('')}`);
    },
  );
}
