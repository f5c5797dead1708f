import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

const database = await createTestDatabase();
let manifest: SeedManifest;

beforeAll(async () => {
  manifest = await seedDatabase(database.url, { persons: 1_500, seed: 13 });
});

/** `pnpm hub compare …` as its own process against the database. */
function compare(args: string[]) {
  return runHubCommand(['compare', ...args], database.url);
}

describe('hub compare', () => {
  it('runs every kind from the command line, showing progress with its pace and ETA, a summary and the diff', async () => {
    const review = await compare([
      '--kind',
      'PERIODIC_REVIEW',
      '--region',
      '640100',
      '--as-of',
      manifest.asOf,
      '--chunk-size',
      '40',
    ]);
    expect(review.code).toBe(0);
    const progress = review.output.split('\n').filter((line) => line.includes('households/s'));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatch(/^ {2}(\d+)\/\1 households \(chunk (\d+)\/\2\), \d+ households\/s, ETA 0 s$/);
    expect(review.output).toMatch(/flag NON_EXEMPT_VEHICLE +\d+/);
    expect(review.output).toContain('no previous run of this kind and region to compare with');

    const again = await compare(['--kind', 'PERIODIC_REVIEW', '--region', '640100', '--as-of', manifest.asOf]);
    expect(again.output).toMatch(/since run [0-9a-f-]{36}: 0 newly flagged, 0 cleared, 0 changed class/);

    const deaths = await compare(['--kind', 'DEATH_CHECK', '--region', '640100', '--as-of', manifest.asOf]);
    expect(deaths.output).toMatch(/flag DECEASED_MEMBER +\d+/);
    const staff = await compare(['--kind', 'STAFF_RELATIVES', '--region', '640100', '--as-of', manifest.asOf]);
    expect(staff.output).toMatch(/flag UNFILED_STAFF_RELATIVE +\d+/);
    const planted = manifest.plantedCases.find((c) => c.expectedFlag === 'INCOME_ABOVE_STANDARD');
    const application = await compare([
      '--kind',
      'APPLICATION',
      '--households',
      planted?.householdId as string,
      '--as-of',
      manifest.asOf,
    ]);
    expect(application.output).toContain(': 1 households in 1 chunks');
    expect(application.output).toMatch(/flag INCOME_ABOVE_STANDARD +1/);
    // Five runs, the death check over every household of the city, on a machine that may be shared.
  });

  it('refuses an unknown kind and a malformed date, changing nothing', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const runs = async () =>
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM comparison_runs')).rows[0]?.n;
    const before = await runs();
    const kind = await compare(['--kind', 'AUDIT', '--region', '640100', '--as-of', manifest.asOf]);
    expect(kind.code).toBe(1);
    expect(kind.output).toContain('--kind must be one of');
    const date = await compare(['--kind', 'DEATH_CHECK', '--region', '640100', '--as-of', '31/10/2026']);
    expect(date.code).toBe(1);
    expect(date.output).toContain('--as-of takes a date');
    expect(await runs()).toBe(before);
    await pool.end();
  });
});
