import type { PrismaClient } from '@hub/prisma';
import { maskedIdNumber } from '@hub/schema/disclosure/masks';

/** One column of a run's results export; the CSV and the XLSX files are both made from this one list. */
export interface AssessmentColumn {
  name: string;
  sql: string;
  type: 'text' | 'integer';
  /** How the value is shown, when not as it is stored. */
  present?: (value: string) => string;
  /** The data item it discloses, shown only at FULL or MASKED (the assessment's own results are comparisons:read). */
  item?: string;
}

export const ASSESSMENT_COLUMNS: readonly AssessmentColumn[] = [
  { name: 'household_id', sql: 'a.household_id::text', type: 'text' },
  { name: 'region_code', sql: 'h.region_code', type: 'text', item: 'HOUSEHOLD_COMPOSITION' },
  { name: 'region_name', sql: 'r.name', type: 'text', item: 'HOUSEHOLD_COMPOSITION' },
  { name: 'area_type', sql: 'h.area_type::text', type: 'text', item: 'HOUSEHOLD_COMPOSITION' },
  // The full number is not needed to find the household again: its id is in the first column.
  { name: 'head_id_number', sql: 'head.id_number', type: 'text', present: maskedIdNumber, item: 'PERSON_IDENTITY' },
  { name: 'classification', sql: 'a.classification::text', type: 'text' },
  { name: 'counted_members', sql: 'a.counted_members::text', type: 'integer' },
  { name: 'monthly_income_fen', sql: 'a.monthly_income_fen::text', type: 'integer' },
  { name: 'rigid_expenditure_fen', sql: 'a.rigid_expenditure_fen::text', type: 'integer' },
  // Rounded down to the fen, and named so: beside a standard it may equal, it is no figure the decision compared.
  { name: 'per_capita_income_floor_fen', sql: 'a.per_capita_income_fen::text', type: 'integer' },
  // The figure the decision compared: (income − rigid expenditure) / members, exactly, as a fraction of fen.
  {
    name: 'per_capita_income_exact_fen',
    sql: `CASE WHEN a.counted_members > 0 THEN greatest(0, a.monthly_income_fen - a.rigid_expenditure_fen)::text || '/' || a.counted_members END`,
    type: 'text',
  },
  { name: 'standard_monthly_fen', sql: 'a.standard_monthly_fen::text', type: 'integer' },
  { name: 'financial_assets_fen', sql: 'a.financial_assets_fen::text', type: 'integer' },
  { name: 'monthly_benefit_fen', sql: 'a.monthly_benefit_fen::text', type: 'integer' },
  { name: 'flags', sql: "array_to_string(a.flags::text[], ';')", type: 'text' },
  // Every rule applied: RULE=holds [document paragraph] and the figures it compared.
  {
    name: 'applied_rules',
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
    sql: `(SELECT string_agg((ds->>'dataset') || '@' || coalesce(d.code, ds->>'departmentId') || ' '
                || (ds->>'source') || coalesce(' (' || (ds->>'reason') || ')', ''), '; ' ORDER BY ds->>'dataset')
             FROM jsonb_array_elements(a.data_sources) ds
             LEFT JOIN departments d ON d.id = (ds->>'departmentId')::uuid
            WHERE ds->>'source' <> 'SNAPSHOT')`,
    type: 'text',
  },
];

const PAGE_SIZE = 5_000;

// Keyset pages in the export's order (region, then household), so a million rows never sit in memory at once.
const PAGE = `
  SELECT ${ASSESSMENT_COLUMNS.map((column) => `${column.sql} AS "${column.name}"`).join(', ')}
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
 * of an item in `withheld` says so in every row instead of its value.
 */
export async function* readAssessmentRows(
  prisma: PrismaClient,
  runId: string,
  pageSize = PAGE_SIZE,
  withheld: ReadonlySet<string> = new Set(),
  filter: AssessmentFilter = {},
): AsyncGenerator<(string | null)[]> {
  let after = ['', '00000000-0000-0000-0000-000000000000'];
  for (;;) {
    const page = await prisma.$queryRawUnsafe<Record<string, string | null>[]>(
      PAGE,
      runId,
      ...after,
      pageSize,
      filter.classification ?? null,
      filter.flag ?? null,
    );
    for (const row of page) {
      yield ASSESSMENT_COLUMNS.map((column) => {
        if (column.item && withheld.has(column.item)) return `withheld (${column.item})`;
        const value = row[column.name] ?? null;
        return value !== null && column.present ? column.present(value) : value;
      });
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
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
