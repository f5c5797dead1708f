import { parseArgs } from 'node:util';
import type { TableLoad } from '@hub/prisma/synthetic/copy-loader';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { withThrowawayDatabase } from './throwaway-database.ts';

const GOAL_SECONDS = 120;

/**
 * `pnpm bench seed`: a fresh embedded PostgreSQL in a temporary folder, migrated, then `--persons` synthetic persons
 * (default 1,000,000) with their department records loaded by COPY; reports time, throughput and peak memory
 * against the goal of a million persons in under two minutes.
 */
export async function seedBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const persons = Number(values.persons.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(persons) || persons < 1)
    throw new Error(`--persons takes a whole number, got "${values.persons}"`);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  await withThrowawayDatabase('bench_seed', async (url) => {
    console.log(`seeding ${persons.toLocaleString('en')} persons into a fresh embedded PostgreSQL…`);
    const timings = new Map<string, TableLoad>();
    const started = performance.now();
    const manifest = await seedDatabase(url, { persons, seed: Number(values.seed), timings });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    const rows = Object.values(manifest.counts).reduce((sum, count) => sum + count, 0);
    console.log('\ntable                              rows   COPY open (s)');
    for (const [table, load] of timings) {
      console.log(
        `${table.padEnd(30)} ${load.rows.toLocaleString('en').padStart(10)} ${(load.milliseconds / 1000).toFixed(1).padStart(10)}`,
      );
    }
    console.log(`
persons      ${manifest.persons.toLocaleString('en')} in ${manifest.households.toLocaleString('en')} households
total rows   ${rows.toLocaleString('en')}
seconds      ${seconds.toFixed(1)}
persons/s    ${Math.round(manifest.persons / seconds).toLocaleString('en')}
rows/s       ${Math.round(rows / seconds).toLocaleString('en')}
peak RSS     ${(peakRss / 2 ** 20).toFixed(0)} MiB
goal         1,000,000 persons in < ${GOAL_SECONDS} s: ${
      persons === 1_000_000
        ? `${seconds < GOAL_SECONDS ? 'met' : 'MISSED'} (${(seconds / GOAL_SECONDS).toFixed(2)} of the budget)`
        : `scaled to ${persons.toLocaleString('en')} persons, ${((seconds * 1_000_000) / persons / GOAL_SECONDS).toFixed(2)} of the budget if linear`
    }`);
  }).finally(() => clearInterval(sampler));
}
