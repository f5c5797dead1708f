import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

// Worker processes share a run through PostgreSQL; one is killed with SIGKILL mid-run, and the run still ends
// with every household of its cohort assessed exactly once.

const repositoryRoot = join(import.meta.dirname, '../..');
const database = await createTestDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let asOf: string;

beforeAll(async () => {
  asOf = (await seedDatabase(database.url, { persons: 6_000, seed: 11 })).asOf;
});
afterAll(() => pool.end());

function startWorker(args: string[] = []): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repositoryRoot, 'server/src/cli/main.ts'), 'work-comparisons', ...args],
    { cwd: repositoryRoot, env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' },
  );
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function chunksDone(runId: string): Promise<number> {
  const { rows } = await pool.query<{ chunks_done: number }>('SELECT chunks_done FROM comparison_runs WHERE id = $1', [
    runId,
  ]);
  return rows[0]?.chunks_done ?? 0;
}

describe('a comparison run and its workers', () => {
  it('loses nothing when a worker is killed mid-run: another finishes it, each household assessed once', async () => {
    const run = await startComparisonRun(pool, {
      kind: 'PERIODIC_REVIEW',
      regionCode: '640100',
      asOf,
      householdIds: null,
      chunkSize: 3,
    });
    expect(run.chunkCount).toBeGreaterThan(20);

    const doomed = startWorker();
    const started = Date.now();
    while ((await chunksDone(run.id)) < 2 && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const atKill = await chunksDone(run.id);
    expect(atKill).toBeGreaterThanOrEqual(2);
    expect(atKill).toBeLessThan(run.chunkCount); // killed mid-run, not after it

    const survivors = [startWorker(['--until-idle']), startWorker(['--until-idle'])];
    expect(await Promise.all(survivors.map((worker) => worker.exited))).toEqual([0, 0]);

    const { rows } = await pool.query<{ status: string; chunks_done: number; chunk_count: number }>(
      'SELECT status, chunks_done, chunk_count FROM comparison_runs WHERE id = $1',
      [run.id],
    );
    expect(rows[0]).toEqual({ status: 'COMPLETED', chunks_done: run.chunkCount, chunk_count: run.chunkCount });
    const cohort = await pool.query<{ household_id: string }>(
      'SELECT unnest(household_ids) AS household_id FROM comparison_chunks WHERE run_id = $1',
      [run.id],
    );
    const assessed = await pool.query<{ household_id: string; times: number }>(
      'SELECT household_id, count(*)::int AS times FROM household_assessments WHERE run_id = $1 GROUP BY household_id',
      [run.id],
    );
    expect(assessed.rows.every((row) => row.times === 1)).toBe(true);
    expect(assessed.rows.map((row) => row.household_id).sort()).toEqual(
      cohort.rows.map((row) => row.household_id).sort(),
    );
    expect(assessed.rows).toHaveLength(run.householdCount);
  });
});
