import type { ComparisonRunDiff, HouseholdChange } from '@hub/schema/context';
import type pg from 'pg';

/** What changed since the previous run of the same cohort: newly flagged, cleared, changed class. */
export async function diffComparisonRuns(pool: pg.Pool, runId: string): Promise<ComparisonRunDiff> {
  const previous = await pool.query<{ id: string }>(
    `SELECT p.id FROM comparison_runs r JOIN comparison_runs p
        ON p.kind = r.kind AND p.region_code IS NOT DISTINCT FROM r.region_code AND p.status = 'COMPLETED'
       AND p.created_at < r.created_at AND p.id <> r.id
      WHERE r.id = $1 ORDER BY p.created_at DESC LIMIT 1`,
    [runId],
  );
  const previousRunId = previous.rows[0]?.id ?? null;
  if (!previousRunId) return { runId, previousRunId, newlyFlagged: [], cleared: [], changedClass: [] };
  const { rows } = await pool.query<HouseholdChange & { inBoth: boolean }>(
    `SELECT coalesce(cur.household_id, prev.household_id) AS "householdId",
            prev.classification::text AS "previousClassification", cur.classification::text AS classification,
            ARRAY(SELECT unnest(coalesce(cur.flags, '{}')) EXCEPT SELECT unnest(coalesce(prev.flags, '{}')))::text[]
              AS "addedFlags",
            ARRAY(SELECT unnest(coalesce(prev.flags, '{}')) EXCEPT SELECT unnest(coalesce(cur.flags, '{}')))::text[]
              AS "removedFlags",
            cur.household_id IS NOT NULL AND prev.household_id IS NOT NULL AS "inBoth"
       FROM (SELECT * FROM household_assessments WHERE run_id = $1) cur
       FULL JOIN (SELECT * FROM household_assessments WHERE run_id = $2) prev
         ON prev.household_id = cur.household_id
      WHERE cur.flags IS DISTINCT FROM prev.flags OR cur.classification IS DISTINCT FROM prev.classification
      ORDER BY 1`,
    [runId, previousRunId],
  );
  const changes = rows.map(({ inBoth, ...change }) => ({
    ...change,
    addedFlags: [...change.addedFlags].sort(),
    removedFlags: [...change.removedFlags].sort(),
    inBoth,
  }));
  const strip = ({ inBoth: _inBoth, ...change }: HouseholdChange & { inBoth: boolean }) => change;
  return {
    runId,
    previousRunId,
    newlyFlagged: changes.filter((change) => change.addedFlags.length > 0).map(strip),
    cleared: changes.filter((change) => change.removedFlags.length > 0).map(strip),
    changedClass: changes
      .filter((change) => change.inBoth && change.previousClassification !== change.classification)
      .map(strip),
  };
}
