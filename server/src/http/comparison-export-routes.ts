import { PassThrough, Readable } from 'node:stream';
import type { ComparisonKind, PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { isUuid } from '@hub/schema/uuid';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import {
  ASSESSMENT_COLUMNS,
  assessedHouseholdIds,
  readAssessmentRows,
} from '../comparisons/assessment-export-columns.ts';
import { COMPARISON_PURPOSE } from '../comparisons/comparison-purpose.ts';
import { type ReportFacts, renderVerificationReport } from '../comparisons/verification-report.ts';
import { writeAssessmentsXlsx } from '../comparisons/write-assessments-xlsx.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { authorizeComparisonReader } from './authorize-comparison-reader.ts';

const csvCell = (value: string | null) => {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

// The BOM lets spreadsheet programs read the Chinese.
async function* csvLines(rows: AsyncIterable<(string | null)[]>): AsyncGenerator<string> {
  yield `\uFEFF${ASSESSMENT_COLUMNS.map((column) => column.name).join(',')}\n`;
  for await (const row of rows) yield `${row.map(csvCell).join(',')}\n`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A run's results as CSV or XLSX and each household's printable verification report (核对报告), for verification officers
 * and administrators. Like every answer with personal data, each leaves its audit entries (one per household it
 * shows) before it is sent; when they cannot be written, nothing is sent.
 */
export async function comparisonExportRoutes(
  app: FastifyInstance,
  options: { prisma: PrismaClient; auditWriter: AuditWriter | undefined },
): Promise<void> {
  const { prisma } = options;
  const audited = (
    request: FastifyRequest,
    viewer: Viewer,
    kind: ComparisonKind,
    operation: string,
    householdIds: string[],
  ) =>
    options.auditWriter
      ? auditHttpRequest(options.auditWriter, request, {
          viewer,
          purpose: COMPARISON_PURPOSE[kind],
          operation,
          householdIds,
        })
      : Promise.resolve();
  const unavailable = (reply: FastifyReply) => withholdForAudit(reply).send(AUDIT_UNAVAILABLE_BODY);
  const notFound = (reply: FastifyReply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such comparison run or household in it' } });

  // Both formats: the audit entries of every household shown are written first; the rows then stream page by page.
  const exportRoute = (format: 'csv' | 'xlsx') =>
    app.get<{ Params: { runId: string } }>(`/comparisons/:runId/assessments.${format}`, async (request, reply) => {
      const allowed = await authorizeComparisonReader(prisma, request, reply);
      if (!allowed) return reply;
      const { viewer, run } = allowed;
      try {
        await audited(request, viewer, run.kind, `export assessments.${format} of run ${run.id}`, [
          ...new Set(await assessedHouseholdIds(prisma, run.id)),
        ]);
      } catch {
        return unavailable(reply);
      }
      const rows = readAssessmentRows(prisma, run.id);
      const disposition = `attachment; filename="assessments-${run.id}.${format}"`;
      if (format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', disposition)
          .send(Readable.from(csvLines(rows)));
      }
      const body = new PassThrough();
      writeAssessmentsXlsx(rows, body).catch((error: Error) => body.destroy(error));
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition).send(body);
    });
  exportRoute('csv');
  exportRoute('xlsx');

  app.get<{ Params: { runId: string; householdId: string } }>(
    '/comparisons/:runId/households/:householdId/report',
    async (request, reply) => {
      const allowed = await authorizeComparisonReader(prisma, request, reply);
      if (!allowed) return reply;
      const { viewer } = allowed;
      const { runId, householdId } = request.params;
      const assessment = isUuid(householdId)
        ? await prisma.householdAssessment.findUnique({
            where: { runId_householdId: { runId, householdId } },
            include: {
              run: { include: { region: true } },
              household: {
                include: { region: true, members: { orderBy: [{ relation: 'asc' }, { idNumber: 'asc' }] } },
              },
            },
          })
        : null;
      if (!assessment) return notFound(reply);
      const findings = assessment.findings as ReportFacts['assessment']['findings'];
      const dataSources = assessment.dataSources as ReportFacts['assessment']['dataSources'];
      const departmentIds = [
        ...new Set([
          ...findings.flatMap((f) => f.evidence.map((e) => String(e.departmentId))),
          ...dataSources.map((source) => source.departmentId),
        ]),
      ];
      const departments = await prisma.department.findMany({ where: { id: { in: departmentIds.filter(isUuid) } } });
      try {
        await audited(request, viewer, assessment.run.kind, `verification report of run ${runId}`, [householdId]);
      } catch {
        return unavailable(reply);
      }
      const html = renderVerificationReport(
        {
          run: {
            id: runId,
            kind: assessment.run.kind,
            asOf: assessment.run.asOf.toISOString().slice(0, 10),
            regionName: assessment.run.region?.name ?? null,
          },
          household: {
            id: householdId,
            address: assessment.household.address,
            regionName: assessment.household.region.name,
            areaType: assessment.household.areaType,
          },
          members: assessment.household.members,
          assessment: {
            ...assessment,
            monthlyIncomeFen: String(assessment.monthlyIncomeFen),
            rigidExpenditureFen: String(assessment.rigidExpenditureFen),
            perCapitaIncomeFen: assessment.perCapitaIncomeFen === null ? null : String(assessment.perCapitaIncomeFen),
            monthlyBenefitFen: assessment.monthlyBenefitFen === null ? null : String(assessment.monthlyBenefitFen),
            appliedRules: assessment.appliedRules as unknown as ReportFacts['assessment']['appliedRules'],
            financialAssetsFen: String(assessment.financialAssetsFen),
            findings,
            dataSources,
          },
          departments: new Map(departments.map((d) => [d.id, d.name])),
        },
        new Date(),
      );
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  );
}
