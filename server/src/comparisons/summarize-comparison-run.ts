import type { ComparisonRunSummary } from '@hub/schema/context';
import type pg from 'pg';

/** Households per classification and per flag of a run's results so far. */
export async function summarizeComparisonRun(pool: pg.Pool, runId: string): Promise<ComparisonRunSummary> {
  const [classes, flags] = await Promise.all([
    pool.query<{ classification: string | null; households: number }>(
      `SELECT classification::text, count(*)::int AS households FROM household_assessments
        WHERE run_id = $1 GROUP BY classification ORDER BY classification NULLS LAST`,
      [runId],
    ),
    pool.query<{ flag: string; households: number }>(
      `SELECT flag::text, count(*)::int AS households FROM household_assessments, unnest(flags) AS flag
        WHERE run_id = $1 GROUP BY flag ORDER BY flag`,
      [runId],
    ),
  ]);
  return { classifications: classes.rows, flags: flags.rows };
}
