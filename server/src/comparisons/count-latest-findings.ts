import type { ComparisonRunSummary } from '@hub/schema/context';
import type pg from 'pg';

// The latest completed run of each kind and region is what the centre currently knows; an older one is history.
// DISTINCT ON walks comparison_runs(kind, region_code, created_at); a run of given households has no region and
// counts only for a caller who reaches every region.
const LATEST_FINDINGS_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (kind, region_code) id
      FROM comparison_runs
     WHERE status = 'COMPLETED' AND ($1::text[] IS NULL OR region_code = ANY($1::text[]))
     ORDER BY kind, region_code, created_at DESC, id
  )
  SELECT flag::text, count(*)::int AS households
    FROM latest JOIN household_assessments a ON a.run_id = latest.id, unnest(a.flags) AS flag
   GROUP BY flag
   ORDER BY flag`;

/** Households per flag over the latest COMPLETED run of each (kind, region), of the regions given or all. */
export async function countLatestFindings(
  pool: pg.Pool,
  regionCodes: ReadonlySet<string> | 'ALL',
): Promise<ComparisonRunSummary['flags']> {
  const { rows } = await pool.query<{ flag: string; households: number }>(LATEST_FINDINGS_SQL, [
    regionCodes === 'ALL' ? null : [...regionCodes],
  ]);
  return rows;
}
