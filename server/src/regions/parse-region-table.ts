import type { RegionLevel } from '@hub/prisma';
import { parse } from 'csv-parse/sync';
import { normalizeParentCode, normalizeRegionCode, REGION_LEVELS } from './region-code.ts';
import { type RegionRowProblem, RegionTableError } from './region-table-error.ts';

/** One row of an administrative-division table, its codes as the hub keeps them. */
export interface RegionTableRow {
  line: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  urbanRuralCode: string | null;
}

// The columns of a table, under the names the published lists use too (pcode, category).
const COLUMNS = {
  code: ['code'],
  name: ['name'],
  level: ['level'],
  parent_code: ['parent_code', 'parent', 'pcode'],
  urban_rural_code: ['urban_rural_code', 'category'],
} as const;
const REQUIRED = ['code', 'name', 'level', 'parent_code'] as const;

// 城乡分类代码: 111 main urban area, 112 urban-rural fringe, 121 town centre, 122 town fringe, 123 special area,
// 210 village with the township seat, 220 village.
const URBAN_RURAL_CODES = new Set(['111', '112', '121', '122', '123', '210', '220']);

function columnNames(header: string[]): Record<keyof typeof COLUMNS, string | undefined> {
  const known = new Map<string, string>(
    Object.entries(COLUMNS).flatMap(([column, names]) => names.map((name) => [name, column] as const)),
  );
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new RegionTableError(
      'UNKNOWN_COLUMNS',
      `the header names columns a region table does not have: ${unknown.join(', ')}; ` +
        'its columns are code, name, level, parent_code and urban_rural_code',
    );
  }
  const found = Object.fromEntries(header.map((name) => [known.get(name), name]));
  const missing = REQUIRED.filter((column) => !found[column]);
  if (missing.length) {
    throw new RegionTableError('MISSING_COLUMNS', `the header lacks the required columns ${missing.join(', ')}`);
  }
  return found as Record<keyof typeof COLUMNS, string | undefined>;
}

function levelOf(value: string): RegionLevel | undefined {
  const upper = value.toUpperCase();
  if (/^[1-5]$/.test(value)) return REGION_LEVELS[Number(value) - 1];
  return REGION_LEVELS.find((level) => level === upper);
}

/**
 * Reads a region table (CSV with a header line: code, name, level, parent_code, urban_rural_code) and judges every
 * row on its own: each code well-formed for its level, a name, a level (PROVINCE … VILLAGE or 1 … 5), a known
 * urban/rural code, and no code twice. Parents are judged against the hub's regions by the import.
 */
export function parseRegionTable(text: string): { rows: RegionTableRow[]; problems: RegionRowProblem[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim().toLowerCase());
        return header;
      },
    });
  } catch (error) {
    throw new RegionTableError('MALFORMED_FILE', `the file cannot be read as CSV: ${(error as Error).message}`);
  }
  if (!header.length)
    throw new RegionTableError('EMPTY_TABLE', 'the file is empty: a header line, then one row per region');
  const names = columnNames(header);
  if (!records.length) throw new RegionTableError('EMPTY_TABLE', 'the table has no rows');
  const rows: RegionTableRow[] = [];
  const problems: RegionRowProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, info } of records) {
    const value = (column: keyof typeof COLUMNS) => {
      const name = names[column];
      return name ? (record[name] ?? '') : '';
    };
    const line = info.lines;
    const rawCode = value('code');
    const problem = (reason: string, message: string) => problems.push({ line, code: rawCode, reason, message });
    const level = levelOf(value('level'));
    if (!level) {
      problem(
        'BAD_LEVEL',
        `level ${JSON.stringify(value('level'))} is none of ${REGION_LEVELS.join(', ')} (or 1 to 5)`,
      );
      continue;
    }
    const normalized = normalizeRegionCode(rawCode, level);
    if ('problem' in normalized) {
      problem('BAD_CODE', `code ${JSON.stringify(rawCode)}: ${normalized.problem}`);
      continue;
    }
    const { code } = normalized;
    const name = value('name');
    if (!name) problem('MISSING_NAME', `region ${code} has no name`);
    const urbanRural = value('urban_rural_code');
    if (urbanRural && !URBAN_RURAL_CODES.has(urbanRural)) {
      problem('BAD_URBAN_RURAL_CODE', `urban_rural_code ${urbanRural} is none of ${[...URBAN_RURAL_CODES].join(', ')}`);
    }
    const earlier = firstLine.get(code);
    if (earlier !== undefined) problem('DUPLICATE_CODE', `code ${code} is listed on line ${earlier} already`);
    else firstLine.set(code, line);
    const parent = value('parent_code');
    rows.push({
      line,
      code,
      name,
      level,
      parentCode: parent && parent !== '0' ? normalizeParentCode(parent) : null,
      urbanRuralCode: urbanRural || null,
    });
  }
  return { rows, problems };
}
