import type { RegionLevel } from '@hub/prisma';
import pg from 'pg';
import { parseRegionTable, type RegionTableRow } from './parse-region-table.ts';
import { fitsUnder } from './region-code.ts';
import { type RegionRowProblem, RegionTableError } from './region-table-error.ts';

interface StoredRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  urban_rural_code: string | null;
  retired: boolean;
}

/** What an import changed (or, for a dry run, would change), by region code. */
export interface RegionImportSummary {
  rows: number;
  added: string[];
  renamed: { code: string; from: string; to: string }[];
  /** Moved under another parent, given another level, or another urban/rural code. */
  changed: string[];
  /** Retired before and listed again. */
  restored: string[];
  /** Under the table's top regions, no longer listed: kept, marked retired. */
  retired: string[];
  /** Retired regions that households still name: they stay, flagged, for someone to move the households. */
  retiredInUse: { code: string; name: string; households: number }[];
  unchanged: number;
  dryRun: boolean;
}

// Every row's parent is listed in the table or is a region the hub has, and the row fits under it.
function parentProblems(rows: RegionTableRow[], stored: Map<string, StoredRegion>): RegionRowProblem[] {
  const listed = new Map(rows.map((row) => [row.code, row]));
  const problems: RegionRowProblem[] = [];
  for (const row of rows) {
    const problem = (reason: string, message: string) =>
      problems.push({ line: row.line, code: row.code, reason, message });
    if (!row.parentCode) {
      if (row.level !== 'PROVINCE')
        problem('MISSING_PARENT', `${row.code} ${row.name} is a ${row.level} without a parent_code`);
      continue;
    }
    const parent = listed.get(row.parentCode) ?? stored.get(row.parentCode);
    if (!parent) {
      problem('UNKNOWN_PARENT', `parent_code ${row.parentCode} is neither in the table nor a region the hub has`);
    } else if (!fitsUnder(row, parent)) {
      problem(
        'PARENT_MISMATCH',
        `${row.code} (${row.level}) cannot sit under ${parent.code} (${parent.level}): a child is a level deeper and shares its parent's digits`,
      );
    }
  }
  return problems;
}

/** The hub's regions under the table's top rows (those whose parent the table does not list), tops included. */
function regionsBelow(tops: string[], stored: Map<string, StoredRegion>): Set<string> {
  const children = new Map<string, string[]>();
  for (const region of stored.values()) {
    if (!region.parent_code) continue;
    children.set(region.parent_code, [...(children.get(region.parent_code) ?? []), region.code]);
  }
  const below = new Set<string>();
  const pending = tops.filter((code) => stored.has(code));
  for (let code = pending.pop(); code !== undefined; code = pending.pop()) {
    below.add(code);
    pending.push(...(children.get(code) ?? []));
  }
  return below;
}

/**
 * Imports an administrative-division table in one transaction: new codes are added, listed ones updated where they
 * differ (name, level, parent, urban/rural code; a retired one restored), and the hub's regions below the table's top
 * rows that it no longer lists are marked retired, never deleted, so no household, standard or run loses its region.
 * A table with any bad row changes nothing and names every row at fault. Imports are serialised by a lock.
 */
export async function importRegionTable(
  databaseUrl: string,
  text: string,
  options: { dryRun?: boolean } = {},
): Promise<RegionImportSummary> {
  const { rows, problems } = parseRegionTable(text);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('region-table-import', 0))`);
    const { rows: existing } = await client.query<StoredRegion>(
      `SELECT code, name, level, parent_code, urban_rural_code, retired_at IS NOT NULL AS retired FROM regions`,
    );
    const stored = new Map(existing.map((region) => [region.code, region]));
    const listedCodes = new Set(rows.map((row) => row.code));
    const allProblems = [...problems, ...parentProblems(rows, stored)].sort((a, b) => a.line - b.line);
    if (allProblems.length) {
      throw new RegionTableError(
        'INVALID_ROWS',
        `${allProblems.length} problem(s) in the table; nothing was imported`,
        allProblems,
      );
    }
    const summary: RegionImportSummary = {
      rows: rows.length,
      added: [],
      renamed: [],
      changed: [],
      restored: [],
      retired: [],
      retiredInUse: [],
      unchanged: 0,
      dryRun: options.dryRun ?? false,
    };
    for (const row of rows) {
      const before = stored.get(row.code);
      if (!before) {
        summary.added.push(row.code);
        continue;
      }
      let same = true;
      if (before.name !== row.name) summary.renamed.push({ code: row.code, from: before.name, to: row.name });
      if (before.name !== row.name) same = false;
      if (
        before.level !== row.level ||
        before.parent_code !== row.parentCode ||
        before.urban_rural_code !== row.urbanRuralCode
      ) {
        summary.changed.push(row.code);
        same = false;
      }
      if (before.retired) {
        summary.restored.push(row.code);
        same = false;
      }
      if (same) summary.unchanged += 1;
    }
    const tops = rows.filter((row) => !row.parentCode || !listedCodes.has(row.parentCode)).map((row) => row.code);
    summary.retired = [...regionsBelow(tops, stored)]
      .filter((code) => !listedCodes.has(code) && !stored.get(code)?.retired)
      .sort();

    await client.query(
      `INSERT INTO regions (code, name, level, parent_code, urban_rural_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::"RegionLevel"[], $4::text[], $5::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         urban_rural_code = EXCLUDED.urban_rural_code, retired_at = NULL
       WHERE (regions.name, regions.level, regions.parent_code, regions.urban_rural_code, regions.retired_at)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.urban_rural_code, NULL)`,
      [
        rows.map((row) => row.code),
        rows.map((row) => row.name),
        rows.map((row) => row.level),
        rows.map((row) => row.parentCode),
        rows.map((row) => row.urbanRuralCode),
      ],
    );
    await client.query('UPDATE regions SET retired_at = now() WHERE code = ANY($1::text[]) AND retired_at IS NULL', [
      summary.retired,
    ]);
    const { rows: inUse } = await client.query<{ code: string; name: string; households: number }>(
      `SELECT r.code, r.name, count(h.id)::int AS households
         FROM regions r JOIN households h ON h.region_code = r.code
        WHERE r.retired_at IS NOT NULL AND r.code = ANY($1::text[])
        GROUP BY r.code, r.name ORDER BY r.code`,
      [[...regionsBelow(tops, stored)]],
    );
    summary.retiredInUse = inUse;
    await client.query(options.dryRun ? 'ROLLBACK' : 'COMMIT');
    return summary;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
