import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { commandPool } from '../cli/command-pool.ts';
import { readDiscrepancyCasePolicy } from '../discrepancy-cases/discrepancy-case-policy.ts';
import { openDiscrepancyCases } from '../discrepancy-cases/open-discrepancy-cases.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

// A township of `households` households and a completed periodic review of its county that flags every one.
const SEED = `
  INSERT INTO regions (code, name, level, parent_code) VALUES
    ('640000', '宁夏', 'PROVINCE', NULL), ('640100', '银川市', 'CITY', '640000'),
    ('640104', '兴庆区', 'COUNTY', '640100'), ('640104001000', '某街道', 'TOWNSHIP', '640104');
  INSERT INTO households (region_code, area_type, address)
  SELECT '640104001000', 'URBAN', '某街' || n || '号' FROM generate_series(1, $1::int) AS n;`;

const RUN = `
  WITH run AS (
    INSERT INTO comparison_runs (kind, status, region_code, as_of, chunk_size, completed_at)
    VALUES ('PERIODIC_REVIEW', 'COMPLETED', '640104', '2026-11-30', 1000, now()) RETURNING id)
  INSERT INTO household_assessments (run_id, household_id, chunk_no, counted_members, monthly_income_fen,
    rigid_expenditure_fen, standard_monthly_fen, financial_assets_fen, flags, findings)
  SELECT run.id, h.id, 0, 1, 0, 0, 72000, 0,
         CASE WHEN $1 THEN '{INCOME_ABOVE_STANDARD}'::"AssessmentFlagCode"[] ELSE '{}' END, '[]'
    FROM run, households h
  RETURNING run_id`;

async function timed(pool: pg.Pool, flagged: boolean) {
  const runId = (await pool.query<{ run_id: string }>(RUN, [flagged])).rows[0]?.run_id as string;
  const client = await pool.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    const outcome = await openDiscrepancyCases(client, runId, { policy: readDiscrepancyCasePolicy() });
    await client.query('COMMIT');
    return { ...outcome, seconds: (performance.now() - started) / 1000 };
  } finally {
    client.release();
  }
}

/** `pnpm bench cases [--households 10000]`: the cases a run opens, and those a later run clears, each timed. */
export async function casesBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { households: { type: 'string', default: '10000' } } });
  const households = Number(values.households);
  await withThrowawayDatabase('bench_cases', async (url) => {
    const pool = commandPool(url, 2);
    try {
      await pool.query(SEED.replace('$1::int', String(households)));
      const opened = await timed(pool, true);
      const cleared = await timed(pool, false);
      console.log(`households    ${households}
opened        ${opened.opened} cases in ${opened.seconds.toFixed(2)} s (the completing run's transaction)
cleared       ${cleared.cleared} cases in ${cleared.seconds.toFixed(2)} s (a later run that flags nothing)
load          ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} (1, 5, 15 min) on ${availableParallelism()} cores`);
    } finally {
      await pool.end();
    }
  });
}
