import { PassThrough, Readable } from 'node:stream';
import {
  AssessmentFlagCode,
  type ComparisonKind,
  HouseholdClassification,
  type PrismaClient,
  type Purpose,
} from '@hub/prisma';
import type { DisclosureLog, Viewer } from '@hub/schema/context';
import { isUuid } from '@hub/schema/uuid';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessDoor } from '../access/create-access-door.ts';
import { withholdExportItems } from '../access/withhold-export-items.ts';
import { withholdReportItems } from '../access/withhold-report-items.ts';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { createDisclosureLog } from '../audit/disclosure-log.ts';
import {
  ASSESSMENT_COLUMNS,
  type AssessmentFilter,
  assessedHouseholdIds,
  type ExportForm,
  readAssessmentRows,
} from '../comparisons/assessment-export-columns.ts';
import { COMPARISON_PURPOSE } from '../comparisons/comparison-purpose.ts';
import { type ReportFacts, renderVerificationReport } from '../comparisons/verification-report.ts';
import { assessmentHeaders, writeAssessmentsXlsx } from '../comparisons/write-assessments-xlsx.ts';
import { AUDIT_UNAVAILABLE_BODY, auditHttpRequest, withholdForAudit } from './audit-http-request.ts';
import { authorizeComparisonReader } from './authorize-comparison-reader.ts';

const csvCell = (value: string | null) => {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

// The BOM lets spreadsheet programs read the Chinese.
async function* csvLines(rows: AsyncIterable<(string | null)[]>, form: ExportForm): AsyncGenerator<string> {
  yield `\uFEFF${assessmentHeaders(form).map(csvCell).join(',')}\n`;
  for await (const row of rows) yield `${row.map(csvCell).join(',')}\n`;
}

/** Who reads a run's results, under which purpose, and what the door decided for them. */
interface Reading {
  viewer: Viewer;
  purpose: Purpose;
  disclosures: DisclosureLog;
}

/** The list's on-screen filter from the query string (`?classification=…&flag=…`), or the value it refuses. */
function exportFilter(query: Record<string, unknown>): AssessmentFilter | { invalid: string } {
  const { classification, flag } = query;
  if (classification !== undefined && !Object.hasOwn(HouseholdClassification, String(classification))) {
    return { invalid: `classification must be one of ${Object.keys(HouseholdClassification).join(', ')}` };
  }
  if (flag !== undefined && !Object.hasOwn(AssessmentFlagCode, String(flag))) {
    return { invalid: `flag must be one of ${Object.keys(AssessmentFlagCode).join(', ')}` };
  }
  return { classification: classification as string | undefined, flag: flag as string | undefined };
}

/**
 * How the export is written (`?lang=en`, `?form=data`): Chinese for a person by default, English with `lang=en`, or
 * the stable machine form programs parse (snake_case headers, codes, integer fen) with `form=data`.
 */
function exportForm(query: Record<string, unknown>): ExportForm | { invalid: string } {
  const { lang, form } = query;
  if (form !== undefined && form !== 'data' && form !== 'readable') return { invalid: 'form must be data or readable' };
  if (lang !== undefined && !['zh-CN', 'zh', 'en'].includes(String(lang))) {
    return { invalid: 'lang must be zh-CN or en' };
  }
  if (form === 'data') return 'data';
  return lang === 'en' ? 'en' : 'zh-CN';
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A run's results as CSV or XLSX and each household's printable verification report (核对报告), for verification officers
 * and administrators. They disclose under the graph's rules, asked of the same door under the run's purpose: what
 * the reader's department may not see is withheld, naming its item. Like every answer with personal data, each
 * leaves its audit entries (one per household it shows, and what was withheld) before it is sent; when they cannot
 * be written, nothing is sent.
 */
export async function comparisonExportRoutes(
  app: FastifyInstance,
  options: { prisma: PrismaClient; door: AccessDoor; auditWriter: AuditWriter | undefined },
): Promise<void> {
  const { prisma, door } = options;
  const audited = (request: FastifyRequest, reading: Reading, operation: string, householdIds: string[]) =>
    options.auditWriter
      ? auditHttpRequest(options.auditWriter, request, {
          viewer: reading.viewer,
          purpose: reading.purpose,
          operation,
          householdIds,
          disclosures: reading.disclosures,
        })
      : Promise.resolve();
  // What the reader may see of a run's households is decided under the run's purpose, as its audit entries say.
  const reading = (viewer: Viewer, kind: ComparisonKind) => {
    const purpose = COMPARISON_PURPOSE[kind];
    const disclosures = createDisclosureLog();
    return { viewer, purpose, disclosures, access: door({ viewer, purpose, declaredPurpose: purpose, disclosures }) };
  };
  const unavailable = (reply: FastifyReply) => withholdForAudit(reply).send(AUDIT_UNAVAILABLE_BODY);
  const notFound = (reply: FastifyReply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such comparison run or household in it' } });

  // Both formats: the audit entries of every household shown are written first; the rows then stream page by page.
  // They hold the rows the list shows: the same classification and flag filter, when given; Chinese by default.
  const exportRoute = (format: 'csv' | 'xlsx') =>
    app.get<{ Params: { runId: string }; Querystring: Record<string, unknown> }>(
      `/comparisons/:runId/assessments.${format}`,
      async (request, reply) => {
        const allowed = await authorizeComparisonReader(prisma, door, request, reply);
        if (!allowed) return reply;
        const filter = exportFilter(request.query ?? {});
        if ('invalid' in filter) {
          return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: filter.invalid } });
        }
        const form = exportForm(request.query ?? {});
        if (typeof form === 'object') {
          return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: form.invalid } });
        }
        const { viewer, run } = allowed;
        const read = reading(viewer, run.kind);
        const items = ASSESSMENT_COLUMNS.flatMap((column) => (column.item ? [column.item] : []));
        const withheld = await withholdExportItems(read.access, read.disclosures, items);
        try {
          await audited(request, read, `export assessments.${format} of run ${run.id}`, [
            ...new Set(await assessedHouseholdIds(prisma, run.id, filter)),
          ]);
        } catch {
          return unavailable(reply);
        }
        const rows = readAssessmentRows(prisma, run.id, undefined, withheld, filter, form);
        const disposition = `attachment; filename="assessments-${run.id}.${format}"`;
        if (format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', disposition)
            .send(Readable.from(csvLines(rows, form)));
        }
        const body = new PassThrough();
        writeAssessmentsXlsx(rows, body, form).catch((error: Error) => body.destroy(error));
        return reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition).send(body);
      },
    );
  exportRoute('csv');
  exportRoute('xlsx');

  app.get<{ Params: { runId: string; householdId: string } }>(
    '/comparisons/:runId/households/:householdId/report',
    async (request, reply) => {
      const allowed = await authorizeComparisonReader(prisma, door, request, reply);
      if (!allowed) return reply;
      const read = reading(allowed.viewer, allowed.run.kind);
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
      const evidence = findings.flatMap((finding) => finding.evidence);
      const shown = await withholdReportItems(read.access, read.disclosures, {
        householdId,
        address: assessment.household.address,
        regionName: assessment.household.region.name,
        areaType: assessment.household.areaType,
        members: assessment.household.members,
        evidence: evidence.map((item) => ({
          dataset: String(item.dataset),
          departmentId: typeof item.departmentId === 'string' ? item.departmentId : null,
          personId: typeof item.personId === 'string' ? item.personId : null,
          facts: item.facts,
        })),
      });
      const shownFacts = new Map(evidence.map((item, index) => [item, shown.evidenceFacts[index]]));
      const evidenceSnapshotIds = [...new Set(evidence.map((item) => String(item.snapshotId)))].filter(isUuid);
      const purged = await prisma.datasetSnapshot.findMany({
        where: { id: { in: evidenceSnapshotIds }, status: 'PURGED' },
        select: { id: true },
      });
      try {
        await audited(request, read, `verification report of run ${runId}`, [householdId]);
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
            address: shown.address,
            regionName: shown.regionName,
            areaType: shown.areaType,
          },
          members: shown.members,
          assessment: {
            ...assessment,
            monthlyIncomeFen: String(assessment.monthlyIncomeFen),
            rigidExpenditureFen: String(assessment.rigidExpenditureFen),
            perCapitaIncomeFen: assessment.perCapitaIncomeFen === null ? null : String(assessment.perCapitaIncomeFen),
            monthlyBenefitFen: assessment.monthlyBenefitFen === null ? null : String(assessment.monthlyBenefitFen),
            appliedRules: assessment.appliedRules as unknown as ReportFacts['assessment']['appliedRules'],
            financialAssetsFen: String(assessment.financialAssetsFen),
            findings: findings.map((finding) => ({
              ...finding,
              evidence: finding.evidence.map((item) => ({ ...item, facts: shownFacts.get(item) })),
            })),
            dataSources,
          },
          departments: new Map(departments.map((d) => [d.id, d.name])),
          purgedSnapshotIds: new Set(purged.map((snapshot) => snapshot.id)),
        },
        new Date(),
      );
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  );
}
