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

/** A CSV as rows of cells: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

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
  it('gives the results as CSV in the data form, one row per household, identity numbers masked, each audited', async () => {
    const response = await get(`/comparisons/${run.id}/assessments.csv?form=data`, officer);
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
      get(`/comparisons/${run.id}/assessments.csv?form=data`, officer),
      get(`/comparisons/${run.id}/assessments.xlsx?form=data`, officer),
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
      `/comparisons/${run.id}/assessments.csv?classification=ABOVE_LINE&flag=INCOME_ABOVE_STANDARD&form=data`,
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

  it('writes the CSV in Chinese by default: headings, labels for codes, yuan with two decimals, rules in words', async () => {
    const response = await get(`/comparisons/${run.id}/assessments.csv`, officer);
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(expect.arrayContaining(['家庭编号', '认定结果', '家庭月收入（元）', '疑点', '适用规则']));
    expect(rows).toHaveLength(run.householdCount);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const planted = manifest.plantedCases.find((c) => c.expectedFlag === 'NON_EXEMPT_VEHICLE');
    const row = rows.find((cells) => cells[0] === planted?.householdId);
    expect(row?.[column('疑点')]).toContain('拥有非豁免车辆');
    expect(row?.[column('认定结果')]).toBe('超出标准');
    expect(row?.[column('金融资产（元）')]).toMatch(/^\d+\.\d{2}$/);
    expect(row?.[column('适用规则')]).toContain('【车辆豁免（不成立）】不予豁免的车辆 1 辆');
    // Past the household id (the key to find it again), no cell shows a code, a key or an amount in fen.
    const text = rows.map((cells) => cells.slice(1).join(',')).join('\n');
    expect(text).not.toMatch(/[A-Z]{2,}_[A-Z_]+|[a-z]+Fen\b| fen\b/);
  });

  it('writes the XLSX in Chinese by default, and both files in English with lang=en', async () => {
    const [xlsx, english, englishXlsx] = await Promise.all([
      get(`/comparisons/${run.id}/assessments.xlsx`, officer),
      get(`/comparisons/${run.id}/assessments.csv?lang=en`, officer),
      get(`/comparisons/${run.id}/assessments.xlsx?lang=en`, officer),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('核对结果');
    if (!sheet) throw new Error('no sheet 核对结果');
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(expect.arrayContaining(['家庭编号', '认定结果', '低保标准（元/人·月）']));
    const standard = sheet.getRow(2).getCell(headings.indexOf('低保标准（元/人·月）') + 1);
    expect(typeof standard?.value).toBe('number');
    expect(standard?.numFmt).toBe('0.00');
    const classifications = new Set<unknown>();
    sheet.eachRow((row, index) => {
      if (index > 1) classifications.add(row.getCell(headings.indexOf('认定结果') + 1).value);
    });
    expect(classifications).toContain('超出标准');

    const [header, ...rows] = parseCsv(await english.text());
    expect(header).toEqual(expect.arrayContaining(['Household id', 'Classification', 'Monthly income (yuan)']));
    const planted = manifest.plantedCases.find((c) => c.expectedFlag === 'NON_EXEMPT_VEHICLE');
    const row = rows.find((cells) => cells[0] === planted?.householdId);
    expect(row?.[header?.indexOf('Flags') ?? -1]).toContain('Non-exempt vehicle');
    expect(row?.[header?.indexOf('Classification') ?? -1]).toBe('Above the line');
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load(await englishXlsx.arrayBuffer());
    const englishSheet = englishBook.getWorksheet('assessments');
    expect((englishSheet?.getRow(1).values as unknown[] | undefined)?.slice(1)).toEqual(header);
  });

  it('refuses an export form or language it does not know', async () => {
    expect((await get(`/comparisons/${run.id}/assessments.csv?lang=fr`, officer)).status).toBe(400);
    expect((await get(`/comparisons/${run.id}/assessments.csv?form=json`, officer)).status).toBe(400);
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
    expect(page).toContain('金融资产超限');
    expect(page).toMatch(/银行存款/);
    expect(page).not.toMatch(/\d{17}[\dX]/);
    // Chinese first: past the smaller English lines and trace references, no code, key, id or amount in fen.
    const main = page
      .replace(/<style>[\s\S]*<\/style>/, '')
      .replace(/<small class="(en|trace)">[^<]*<\/small>/g, '')
      .replace(/<[^>]+>/g, ' ');
    expect(main).not.toMatch(/[A-Z]{2,}_[A-Z_]+|\b(URBAN|RURAL|HEAD)\b|[a-z]+Fen\b| fen\b/);
    expect(main).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(main).toContain('（北京时间）');
    const head = await pool.query<{ name: string }>(
      "SELECT name FROM persons WHERE household_id = $1 AND relation = 'HEAD'",
      [householdId],
    );
    expect(page).toMatch(new RegExp(`<title>核对报告 ${head.rows[0]?.name} · `));
    expect(page).not.toMatch(new RegExp(`<title>[^<]*${householdId}`));
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
