import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { ASSESSMENT_COLUMNS, readAssessmentRows } from '@hub/server/comparisons/assessment-export-columns';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const database = await createTestDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let hub: Awaited<ReturnType<typeof startTestApp>>;
let manifest: SeedManifest;
let run: { id: string; householdCount: number };
let officer: string;
let auditor: string;

beforeAll(async () => {
  manifest = await seedDatabase(database.url, { persons: 2_000, seed: 5 });
  hub = await startTestApp(database.url);
  run = await startComparisonRun(pool, {
    kind: 'PERIODIC_REVIEW',
    regionCode: '640100',
    asOf: manifest.asOf,
    householdIds: null,
    chunkSize: null,
  });
  await runComparison(pool, run.id);
  const centre = await hub.prisma.department.findUniqueOrThrow({ where: { code: 'CIVIL_AFFAIRS_640100' } });
  const login = async (role: 'VERIFICATION_OFFICER' | 'AUDITOR') => {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: centre.id });
    return hub.logIn(user.username, password);
  };
  officer = await login('VERIFICATION_OFFICER');
  auditor = await login('AUDITOR');
});
afterAll(() => pool.end());

const get = (path: string, token?: string) =>
  fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const auditedHouseholds = async (operation: string) =>
  (
    await pool.query<{ subject_household_id: string }>(
      'SELECT subject_household_id FROM audit_entries WHERE operation LIKE $1',
      [`${operation}%`],
    )
  ).rows.map((row) => row.subject_household_id);

describe("a comparison run's exports", () => {
  it('gives the results as CSV, one row per household, identity numbers masked, each household audited', async () => {
    const response = await get(`/comparisons/${run.id}/assessments.csv`, officer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header?.split(',')).toEqual(
      expect.arrayContaining([
        'household_id',
        'classification',
        'per_capita_income_floor_fen',
        'per_capita_income_exact_fen',
        'flags',
        'head_id_number',
      ]),
    );
    // No column names a rounded per-capita figure as if it were the one the decision compared.
    expect(header?.split(',')).not.toContain('per_capita_income_fen');
    expect(rows).toHaveLength(run.householdCount);
    const planted = manifest.plantedCases.find((c) => c.expectedFlag === 'NON_EXEMPT_VEHICLE');
    expect(rows.find((row) => row.startsWith(planted?.householdId ?? '?'))).toContain('NON_EXEMPT_VEHICLE');
    expect(rows.every((row) => !/\d{17}[\dX]/.test(row))).toBe(true);
    expect(rows.some((row) => /\d{6}\*{8}[\dX]{4}/.test(row))).toBe(true);
    const audited = await auditedHouseholds(`export assessments.csv of run ${run.id}`);
    expect(new Set(audited).size).toBe(run.householdCount);
  });

  it('gives the same rows as XLSX, read back with exceljs, and audits each household of that export too', async () => {
    const [csv, xlsx] = await Promise.all([
      get(`/comparisons/${run.id}/assessments.csv`, officer),
      get(`/comparisons/${run.id}/assessments.xlsx`, officer),
    ]);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('assessments');
    const sheetRows: string[][] = [];
    sheet?.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      sheetRows.push(ASSESSMENT_COLUMNS.map((_, index) => String(values[index] ?? '')));
    });
    // No cell of these exports holds a comma or a quote, so the CSV splits on commas.
    const csvRows = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(sheetRows).toHaveLength(run.householdCount + 1);
    expect(sheetRows).toEqual(csvRows);
    expect(typeof (sheet?.getRow(2).getCell('H').value ?? 0)).toBe('number');
    const audited = await auditedHouseholds(`export assessments.xlsx of run ${run.id}`);
    expect(new Set(audited).size).toBe(run.householdCount);
  });

  it('exports only the rows a filtered list shows: one classification and/or one flag, audited as such', async () => {
    const flagged = await pool.query<{ household_id: string }>(
      `SELECT household_id FROM household_assessments
        WHERE run_id = $1 AND classification = 'ABOVE_LINE' AND 'INCOME_ABOVE_STANDARD' = ANY (flags)`,
      [run.id],
    );
    expect(flagged.rows.length).toBeGreaterThan(0);
    expect(flagged.rows.length).toBeLessThan(run.householdCount);
    const operation = `export assessments.csv of run ${run.id}`;
    const auditedBefore = (await auditedHouseholds(operation)).filter((id) => id !== null).length;
    const response = await get(
      `/comparisons/${run.id}/assessments.csv?classification=ABOVE_LINE&flag=INCOME_ABOVE_STANDARD`,
      officer,
    );
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.map((row) => row.split(',')[0]).sort()).toEqual(flagged.rows.map((row) => row.household_id).sort());
    expect(rows.every((row) => row.includes('INCOME_ABOVE_STANDARD'))).toBe(true);
    // Each household it shows is audited, and no other.
    const auditedAfter = (await auditedHouseholds(operation)).filter((id) => id !== null).length;
    expect(auditedAfter - auditedBefore).toBe(flagged.rows.length);
  });

  it('refuses an export filter that is not a classification or flag, saying which values it takes', async () => {
    const response = await get(`/comparisons/${run.id}/assessments.xlsx?flag=RICH`, officer);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.message).toContain('INCOME_ABOVE_STANDARD');
  });

  it('reads the rows page by page in the same order, whatever the page size', async () => {
    const rows = async (pageSize?: number) => {
      const all: (string | null)[][] = [];
      for await (const row of readAssessmentRows(hub.prisma, run.id, pageSize)) all.push(row);
      return all;
    };
    const whole = await rows();
    expect(whole).toHaveLength(run.householdCount);
    expect(await rows(7)).toEqual(whole);
  });

  it("prints a household's verification report with its findings and evidence, and audits the view", async () => {
    const planted = manifest.plantedCases.find((c) => c.expectedFlag === 'FINANCIAL_ASSETS_OVER_LIMIT');
    const householdId = planted?.householdId as string;
    const response = await get(`/comparisons/${run.id}/households/${householdId}/report`, officer);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('居民家庭经济状况核对报告');
    expect(page).toContain('FINANCIAL_ASSETS_OVER_LIMIT');
    expect(page).toMatch(/银行|Bank/);
    expect(page).not.toMatch(/\d{17}[\dX]/);
    // One entry about the household and one per member whose data the report shows, each saying what it disclosed.
    const audited = await auditedHouseholds(`verification report of run ${run.id}`);
    expect(audited.filter((id) => id !== null)).toEqual([householdId]);
    const members = await pool.query<{ id: string }>('SELECT id FROM persons WHERE household_id = $1', [householdId]);
    const aboutPersons = await pool.query<{ subject_person_id: string; items_disclosed: string[] }>(
      'SELECT subject_person_id, items_disclosed FROM audit_entries WHERE operation LIKE $1 AND subject_person_id IS NOT NULL',
      [`verification report of run ${run.id}%`],
    );
    const memberIds = members.rows.map((row) => row.id);
    for (const entry of aboutPersons.rows) expect(memberIds).toContain(entry.subject_person_id);
    expect(aboutPersons.rows.flatMap((entry) => entry.items_disclosed)).toContain('PERSON_IDENTITY');
  });

  it('refuses auditors and anonymous callers, and answers 404 for a run or household that is not there', async () => {
    expect((await get(`/comparisons/${run.id}/assessments.csv`, auditor)).status).toBe(403);
    expect((await get(`/comparisons/${run.id}/assessments.xlsx`, auditor)).status).toBe(403);
    expect((await get(`/comparisons/${run.id}/assessments.xlsx`)).status).toBe(401);
    expect((await get(`/comparisons/${run.id}/assessments.csv`)).status).toBe(401);
    expect((await get('/comparisons/00000000-0000-0000-0000-000000000000/assessments.csv', officer)).status).toBe(404);
    expect((await get(`/comparisons/${run.id}/households/not-a-uuid/report`, officer)).status).toBe(404);
  });
});
