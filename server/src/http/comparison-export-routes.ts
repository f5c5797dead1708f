import type { ComparisonKind, PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { maskedIdNumber } from '@hub/schema/disclosure/masks';
import { viewerHolds } from '@hub/schema/scopes';
import { isUuid } from '@hub/schema/uuid';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { COMPARISON_PURPOSE } from '../comparisons/comparison-purpose.ts';
import { type ReportFacts, renderVerificationReport } from '../comparisons/verification-report.ts';
import { resolveViewer } from '../identity/resolve-viewer.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';

const csvCell = (value: unknown) => {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

async function officer(prisma: PrismaClient, request: FastifyRequest, reply: FastifyReply): Promise<Viewer | null> {
  const viewer = await resolveViewer(prisma, request.headers.authorization);
  if (!viewer) {
    await reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'send a bearer token' } });
    return null;
  }
  if (!viewerHolds(viewer, 'comparisons:read')) {
    await reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'your role does not allow this' } });
    return null;
  }
  return viewer;
}

/**
 * A run's results as CSV and each household's printable verification report (核对报告), for verification officers
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

  app.get<{ Params: { runId: string } }>('/comparisons/:runId/assessments.csv', async (request, reply) => {
    const viewer = await officer(prisma, request, reply);
    if (!viewer) return reply;
    const { runId } = request.params;
    const run = isUuid(runId) ? await prisma.comparisonRun.findUnique({ where: { id: runId } }) : null;
    if (!run) return notFound(reply);
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT a.household_id, h.region_code, r.name AS region_name, h.area_type, head.id_number AS head_id_number,
             a.classification, a.counted_members, a.monthly_income_fen, a.rigid_expenditure_fen,
             a.per_capita_income_fen, a.standard_monthly_fen, a.financial_assets_fen,
             array_to_string(a.flags::text[], ';') AS flags,
             -- APPLICATION runs: the live answers used, and the fallbacks with their reasons (bulk reads are the rule)
             (SELECT string_agg((ds->>'dataset') || '@' || coalesce(d.code, ds->>'departmentId') || ' '
                       || (ds->>'source') || coalesce(' (' || (ds->>'reason') || ')', ''), '; ' ORDER BY ds->>'dataset')
                FROM jsonb_array_elements(a.data_sources) ds
                LEFT JOIN departments d ON d.id = (ds->>'departmentId')::uuid
               WHERE ds->>'source' <> 'SNAPSHOT') AS live_data_sources
        FROM household_assessments a
        JOIN households h ON h.id = a.household_id
        JOIN regions r ON r.code = h.region_code
        LEFT JOIN persons head ON head.household_id = h.id AND head.relation = 'HEAD'
       WHERE a.run_id = ${runId}::uuid
       ORDER BY h.region_code, a.household_id`;
    try {
      await audited(request, viewer, run.kind, `export assessments.csv of run ${runId}`, [
        ...new Set(rows.map((row) => String(row.household_id))),
      ]);
    } catch {
      return unavailable(reply);
    }
    const header = Object.keys(rows[0] ?? { household_id: '' }).join(',');
    const lines = rows.map((row) =>
      Object.entries(row)
        .map(([column, value]) => csvCell(column === 'head_id_number' && value ? maskedIdNumber(String(value)) : value))
        .join(','),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="assessments-${runId}.csv"`)
      .send(`\uFEFF${[header, ...lines].join('\n')}\n`); // the BOM lets spreadsheet programs read the Chinese
  });

  app.get<{ Params: { runId: string; householdId: string } }>(
    '/comparisons/:runId/households/:householdId/report',
    async (request, reply) => {
      const viewer = await officer(prisma, request, reply);
      if (!viewer) return reply;
      const { runId, householdId } = request.params;
      const assessment =
        isUuid(runId) && isUuid(householdId)
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
