import type { PrismaClient } from '@hub/prisma';
import { findDataItem } from '@hub/schema/catalogue';
import { maskedIdNumber } from '@hub/schema/disclosure/masks';
import type { HubLanguage, LabelledEnum } from '@hub/schema/enum-labels/enum-value-label';
import { presentAssessmentCell } from './present-assessment-cell.ts';

/** One column of a run's results export; the CSV and the XLSX files are both made from this one list. */
export interface AssessmentColumn {
  /** The header of the data form (`form=data`), which programs parse. */
  name: string;
  /** The headers a person reads, in Chinese (the default) and English (`lang=en`). */
  heading: Record<HubLanguage, string>;
  sql: string;
  /** What the readable form reads instead of `sql`, for the presenter to word (JSON of the rules applied). */
  readableSql?: string;
  /** `fen`: integer fen in the data form, yuan with two decimals in the readable one. */
  type: 'text' | 'integer' | 'fen';
  /** The enum whose labels the readable form shows instead of codes (lists separated by `;`). */
  labels?: LabelledEnum;
  /** How the value is shown, when not as it is stored. */
  present?: (value: string) => string;
  /** The data item it discloses, shown only at FULL or MASKED (the assessment's own results are comparisons:read). */
  item?: string;
}

export const ASSESSMENT_COLUMNS: readonly AssessmentColumn[] = [
  {
    name: 'household_id',
    heading: { 'zh-CN': '家庭编号', en: 'Household id' },
    sql: 'a.household_id::text',
    type: 'text',
  },
  {
    name: 'region_code',
    heading: { 'zh-CN': '行政区划代码', en: 'Region code' },
    sql: 'h.region_code',
    type: 'text',
    item: 'HOUSEHOLD_COMPOSITION',
  },
  {
    name: 'region_name',
    heading: { 'zh-CN': '地区', en: 'Region' },
    sql: 'r.name',
    type: 'text',
    item: 'HOUSEHOLD_COMPOSITION',
  },
  {
    name: 'area_type',
    heading: { 'zh-CN': '城乡类别', en: 'Area type' },
    sql: 'h.area_type::text',
    type: 'text',
    labels: 'AreaType',
    item: 'HOUSEHOLD_COMPOSITION',
  },
  // The full number is not needed to find the household again: its id is in the first column.
  {
    name: 'head_id_number',
    heading: { 'zh-CN': '户主身份证号', en: 'Head’s identity number' },
    sql: 'head.id_number',
    type: 'text',
    present: maskedIdNumber,
    item: 'PERSON_IDENTITY',
  },
  {
    name: 'classification',
    heading: { 'zh-CN': '认定结果', en: 'Classification' },
    sql: 'a.classification::text',
    type: 'text',
    labels: 'HouseholdClassification',
  },
  {
    name: 'counted_members',
    heading: { 'zh-CN': '计入人数', en: 'Members counted' },
    sql: 'a.counted_members::text',
    type: 'integer',
  },
  {
    name: 'monthly_income_fen',
    heading: { 'zh-CN': '家庭月收入（元）', en: 'Monthly income (yuan)' },
    sql: 'a.monthly_income_fen::text',
    type: 'fen',
  },
  {
    name: 'rigid_expenditure_fen',
    heading: { 'zh-CN': '刚性支出（元）', en: 'Rigid expenditure (yuan)' },
    sql: 'a.rigid_expenditure_fen::text',
    type: 'fen',
  },
  // Rounded down to the fen, and named so: beside a standard it may equal, it is no figure the decision compared.
  {
    name: 'per_capita_income_floor_fen',
    heading: { 'zh-CN': '人均月收入（元，舍至分）', en: 'Per-capita income, rounded down (yuan)' },
    sql: 'a.per_capita_income_fen::text',
    type: 'fen',
  },
  // The figure the decision compared: (income − rigid expenditure) / members, exactly, as a fraction of fen.
  {
    name: 'per_capita_income_exact_fen',
    heading: { 'zh-CN': '人均月收入（精确）', en: 'Per-capita income, exact' },
    sql: `CASE WHEN a.counted_members > 0 THEN greatest(0, a.monthly_income_fen - a.rigid_expenditure_fen)::text || '/' || a.counted_members END`,
    type: 'text',
  },
  {
    name: 'standard_monthly_fen',
    heading: { 'zh-CN': '低保标准（元/人·月）', en: 'Standard (yuan per person per month)' },
    sql: 'a.standard_monthly_fen::text',
    type: 'fen',
  },
  {
    name: 'financial_assets_fen',
    heading: { 'zh-CN': '金融资产（元）', en: 'Financial assets (yuan)' },
    sql: 'a.financial_assets_fen::text',
    type: 'fen',
  },
  {
    name: 'monthly_benefit_fen',
    heading: { 'zh-CN': '月救助金额（元）', en: 'Monthly benefit (yuan)' },
    sql: 'a.monthly_benefit_fen::text',
    type: 'fen',
  },
  {
    name: 'flags',
    heading: { 'zh-CN': '疑点', en: 'Flags' },
    sql: "array_to_string(a.flags::text[], ';')",
    type: 'text',
    labels: 'AssessmentFlagCode',
  },
  // Every rule applied: RULE=holds [document paragraph] and the figures it compared.
  {
    name: 'applied_rules',
    heading: { 'zh-CN': '适用规则', en: 'Rules applied' },
    readableSql: 'a.applied_rules::text',
    sql: `(SELECT string_agg((ar->>'rule') || '=' || coalesce(ar->>'holds', 'unknown')
                || ' [' || coalesce(ar->'citation'->>'document', '') || ' ' || coalesce(ar->'citation'->>'paragraph', '') || '] '
                -- No comma or quote in a cell: lists read "MOTORCYCLE DISABILITY_VEHICLE".
                || (SELECT coalesce(string_agg(f.key || '=' || translate(f.value, ',"[]', ' '), ' ' ORDER BY f.key), '')
                      FROM jsonb_each_text(ar->'figures') f),
              '; ' ORDER BY ord)
             FROM jsonb_array_elements(a.applied_rules) WITH ORDINALITY AS rules(ar, ord))`,
    type: 'text',
  },
  // APPLICATION runs: the live answers used, and the fallbacks with their reasons (bulk reads are the rule).
  {
    name: 'live_data_sources',
    heading: { 'zh-CN': '实时数据来源', en: 'Live data sources' },
    readableSql: `(SELECT jsonb_agg(ds || jsonb_build_object('departmentName', d.name) ORDER BY ds->>'dataset')::text
             FROM jsonb_array_elements(a.data_sources) ds
             LEFT JOIN departments d ON d.id = (ds->>'departmentId')::uuid
            WHERE ds->>'source' <> 'SNAPSHOT')`,
    sql: `(SELECT string_agg((ds->>'dataset') || '@' || coalesce(d.code, ds->>'departmentId') || ' '
                || (ds->>'source') || coalesce(' (' || (ds->>'reason') || ')', ''), '; ' ORDER BY ds->>'dataset')
             FROM jsonb_array_elements(a.data_sources) ds
             LEFT JOIN departments d ON d.id = (ds->>'departmentId')::uuid
            WHERE ds->>'source' <> 'SNAPSHOT')`,
    type: 'text',
  },
];

const PAGE_SIZE = 5_000;

/** How an export is written: `data`, the stable machine form (codes, fen), or readable in a language. */
export type ExportForm = 'data' | HubLanguage;

// Keyset pages in the export's order (region, then household), so a million rows never sit in memory at once.
const page = (form: ExportForm) => `
  SELECT ${ASSESSMENT_COLUMNS.map((column) => `${(form !== 'data' && column.readableSql) || column.sql} AS "${column.name}"`).join(', ')}
    FROM household_assessments a
    JOIN households h ON h.id = a.household_id
    JOIN regions r ON r.code = h.region_code
    LEFT JOIN persons head ON head.household_id = h.id AND head.relation = 'HEAD'
   WHERE a.run_id = $1::uuid AND (h.region_code, a.household_id) > ($2, $3::uuid)
     AND ($5::text IS NULL OR a.classification::text = $5) AND ($6::text IS NULL OR $6 = ANY (a.flags::text[]))
   ORDER BY h.region_code, a.household_id
   LIMIT $4`;

/** The results a list shows on screen: one classification and/or one flag among the household's, as `assessments`. */
export interface AssessmentFilter {
  classification?: string | null;
  flag?: string | null;
}

/**
 * The run's results, row by row as shown (identity numbers masked, null as null), in pages read as needed; a column
 * of an item in `withheld` says so in every row instead of its value. In the data form values are as stored (codes,
 * fen); in a language they are worded for a person (labels, yuan, the rules in sentences).
 */
export async function* readAssessmentRows(
  prisma: PrismaClient,
  runId: string,
  pageSize = PAGE_SIZE,
  withheld: ReadonlySet<string> = new Set(),
  filter: AssessmentFilter = {},
  form: ExportForm = 'data',
): AsyncGenerator<(string | null)[]> {
  const query = page(form);
  let after = ['', '00000000-0000-0000-0000-000000000000'];
  for (;;) {
    const rows = await prisma.$queryRawUnsafe<Record<string, string | null>[]>(
      query,
      runId,
      ...after,
      pageSize,
      filter.classification ?? null,
      filter.flag ?? null,
    );
    for (const row of rows) {
      yield ASSESSMENT_COLUMNS.map((column) => {
        if (column.item && withheld.has(column.item)) {
          const item = findDataItem(column.item)?.name;
          if (form === 'data') return `withheld (${column.item})`;
          return form === 'zh-CN' ? `不予提供（${item?.zh ?? column.item}）` : `withheld (${item?.en ?? column.item})`;
        }
        const stored = row[column.name] ?? null;
        const value = stored !== null && column.present ? column.present(stored) : stored;
        return form === 'data' ? value : presentAssessmentCell(column, value, form);
      });
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = [String(last.region_code), String(last.household_id)];
  }
}

/** The households a run's export shows, for its audit entries, written before the first row is sent. */
export async function assessedHouseholdIds(
  prisma: PrismaClient,
  runId: string,
  filter: AssessmentFilter = {},
): Promise<string[]> {
  const classification = filter.classification ?? null;
  const flag = filter.flag ?? null;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT household_id::text AS id FROM household_assessments
     WHERE run_id = ${runId}::uuid
       AND (${classification}::text IS NULL OR classification::text = ${classification})
       AND (${flag}::text IS NULL OR ${flag} = ANY (flags::text[]))`;
  return rows.map((row) => row.id);
}
