import type { ComparisonKind } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';
import { comparesWholePopulation, DEFAULT_CHUNK_SIZE, enrolledCaseSql, isRegionalKind } from './rules.ts';

export interface StartComparisonRunInput {
  kind: ComparisonKind;
  /** The region whose households (sub-regions included) a regional kind compares: its enrolled ones, or all (rules.ts). */
  regionCode?: string | null;
  /** YYYY-MM-DD: income of that month, assets and deaths as at that day. */
  asOf: string;
  /** The applying households of an APPLICATION run. */
  householdIds?: readonly string[] | null;
  chunkSize?: number | null;
  startedById?: string | null;
}

export interface StartedComparisonRun {
  id: string;
  householdCount: number;
  chunkCount: number;
}

// The enrolled households of the region and every region below it.
const REGIONAL_COHORT = `
  SELECT h.id FROM households h
   WHERE h.region_code IN (SELECT code FROM hub_region_tree($2, 'BELOW'))
     AND EXISTS (SELECT 1 FROM assistance_cases ac WHERE ac.household_id = h.id AND ${enrolledCaseSql('ac', '$3::date')})`;

// Every household of the region and every region below it ($3 unused, kept so every cohort takes the same parameters).
const POPULATION_COHORT = `
  SELECT h.id FROM households h
   WHERE h.region_code IN (SELECT code FROM hub_region_tree($2, 'BELOW')) AND $3::date IS NOT NULL`;

const LISTED_COHORT = 'SELECT h.id FROM households h WHERE h.id = ANY($2::uuid[]) AND $3::date IS NOT NULL';

/**
 * Creates a run and splits its cohort into chunks of `chunkSize` households (ordered by id), in one transaction.
 * Any number of workers then claim the chunks (run-comparison-chunk.ts).
 */
export async function startComparisonRun(pool: pg.Pool, input: StartComparisonRunInput): Promise<StartedComparisonRun> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const started = await createComparisonRun(client, input);
    await client.query('COMMIT');
    return started;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** startComparisonRun within the caller's transaction: a scheduled run is created with its schedule's advance. */
export async function createComparisonRun(
  client: pg.PoolClient,
  input: StartComparisonRunInput,
): Promise<StartedComparisonRun> {
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 100_000) {
    throw badUserInputError('INVALID_CHUNK_SIZE', 'chunkSize: a whole number of households from 1 to 100,000');
  }
  const regional = isRegionalKind(input.kind);
  const householdIds = [...new Set(input.householdIds ?? [])];
  if (!regional && householdIds.length === 0) {
    throw badUserInputError('HOUSEHOLDS_REQUIRED', 'householdIds: an APPLICATION run names the applying households');
  }
  if (input.regionCode != null || regional) {
    const region = await client.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode ?? null]);
    if (region.rowCount === 0) {
      throw badUserInputError('UNKNOWN_REGION', `regionCode: the hub knows no region ${input.regionCode ?? '(none)'}`);
    }
  }
  if (!regional) {
    const malformed = householdIds.filter((id) => !isUuid(id));
    const known = await client.query<{ id: string }>('SELECT id FROM households WHERE id = ANY($1::uuid[])', [
      malformed.length ? [] : householdIds,
    ]);
    const unknown = malformed.length
      ? malformed
      : householdIds.filter((id) => !known.rows.some((row) => row.id === id));
    if (unknown.length) {
      throw badUserInputError('UNKNOWN_HOUSEHOLD', `householdIds: no household ${unknown.slice(0, 5).join(', ')}`, {
        householdIds: unknown.slice(0, 20),
      });
    }
  }
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO comparison_runs (kind, region_code, as_of, chunk_size, started_by_id)
     VALUES ($1, $2, $3::date, $4, $5) RETURNING id`,
    [input.kind, input.regionCode ?? null, input.asOf, chunkSize, input.startedById ?? null],
  );
  const runId = (rows[0] as { id: string }).id;
  const cohort = !regional ? LISTED_COHORT : comparesWholePopulation(input.kind) ? POPULATION_COHORT : REGIONAL_COHORT;
  const chunks = await client.query<{ households: number }>(
    `WITH cohort AS (${cohort}),
     numbered AS (SELECT id, (row_number() OVER (ORDER BY id) - 1) / $4 AS chunk_no FROM cohort)
     INSERT INTO comparison_chunks (run_id, chunk_no, household_ids)
     SELECT $1, chunk_no, array_agg(id ORDER BY id) FROM numbered GROUP BY chunk_no
     RETURNING cardinality(household_ids) AS households`,
    [runId, regional ? input.regionCode : householdIds, input.asOf, chunkSize],
  );
  const householdCount = chunks.rows.reduce((sum, chunk) => sum + chunk.households, 0);
  await refuseWithoutStandard(client, runId, input.asOf);
  await client.query(
    `UPDATE comparison_runs SET chunk_count = $2, household_count = $3,
            status = CASE WHEN $2 = 0 THEN 'COMPLETED'::"ComparisonRunStatus" ELSE status END,
            completed_at = CASE WHEN $2 = 0 THEN now() END
      WHERE id = $1`,
    [runId, chunks.rowCount ?? 0, householdCount],
  );
  return { id: runId, householdCount, chunkCount: chunks.rowCount ?? 0 };
}

// A household whose region (and every region above it) has no standard for the year and area type cannot be judged.
async function refuseWithoutStandard(client: pg.PoolClient, runId: string, asOf: string): Promise<void> {
  const { rows } = await client.query<{ region_code: string; area_type: string }>(
    `WITH cohort AS (
       SELECT DISTINCT h.region_code, h.area_type FROM comparison_chunks ch
         CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id) JOIN households h ON h.id = listed.id
        WHERE ch.run_id = $1)
     SELECT c.region_code, c.area_type::text FROM cohort c
      WHERE NOT EXISTS (SELECT 1 FROM hub_region_tree(c.region_code, 'ABOVE') a
                          JOIN assistance_standards st ON st.region_code = a.code
                         WHERE st.area_type = c.area_type AND st.year = extract(year FROM $2::date)::int
                           AND st.effective_from <= $2::date)`,
    [runId, asOf],
  );
  if (rows.length) {
    const first = rows[0] as { region_code: string; area_type: string };
    throw badUserInputError(
      'NO_ASSISTANCE_STANDARD',
      `no assistance standard for ${first.region_code} ${first.area_type} in ${asOf.slice(0, 4)} or any region above it; an administrator must add one`,
      { regions: rows.map((row) => `${row.region_code}:${row.area_type}`) },
    );
  }
}
