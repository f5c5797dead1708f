import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ComparisonKind } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { commandPool } from '../cli/command-pool.ts';
import { comparesWholePopulation, FLAGS_CHECKED_BY, isRegionalKind } from '../comparisons/rules.ts';
import { runComparison } from '../comparisons/run-comparison.ts';
import { startComparisonRun } from '../comparisons/start-comparison-run.ts';
import { summarizeComparisonRun } from '../comparisons/summarize-comparison-run.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

const GOAL_SECONDS = 60;

/**
 * `pnpm bench compare`: seeds `--persons` (default 1,000,000) into a fresh embedded PostgreSQL, then times a
 * regional run of `--kind` (default PERIODIC_REVIEW; POPULATION_MONITORING assesses every household) over the whole
 * city from start to the last result written, with `--workers` loops sharing the chunks (each with its own
 * connection), and reports each phase, throughput, peak memory and the machine's load.
 */
export async function compareBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string', default: '1000000' },
      workers: { type: 'string', default: '1' },
      kind: { type: 'string', default: 'PERIODIC_REVIEW' },
      'chunk-size': { type: 'string', default: '5000' },
    },
  });
  const persons = Number(values.persons.replaceAll('_', '').replaceAll(',', ''));
  const workers = Number(values.workers);
  const chunkSize = Number(values['chunk-size']);
  if (!Number.isInteger(persons) || persons < 1)
    throw new Error(`--persons takes a whole number, got "${values.persons}"`);
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`--workers takes a whole number, got "${values.workers}"`);
  const kind = values.kind as ComparisonKind;
  if (!(kind in FLAGS_CHECKED_BY) || !isRegionalKind(kind))
    throw new Error(`--kind takes a regional comparison kind, got "${values.kind}"`);
  await withThrowawayDatabase('bench_compare', async (url) => {
    console.log(`seeding ${persons.toLocaleString('en')} persons (not timed)…`);
    const manifest = await seedDatabase(url, { persons });
    const pool = commandPool(url, workers + 1);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    try {
      const began = performance.now();
      const run = await startComparisonRun(pool, {
        kind,
        regionCode: '640100',
        asOf: manifest.asOf,
        chunkSize,
      });
      const chunked = performance.now();
      await Promise.all(Array.from({ length: workers }, () => runComparison(pool, run.id)));
      const assessed = performance.now();
      const summary = await summarizeComparisonRun(pool, run.id);
      const seconds = (assessed - began) / 1000;
      clearInterval(sampler);
      console.log(`
persons          ${manifest.persons.toLocaleString('en')} in ${manifest.households.toLocaleString('en')} households
kind             ${kind}
cohort           ${run.householdCount.toLocaleString('en')} ${comparesWholePopulation(kind) ? '' : 'enrolled '}households in ${run.chunkCount} chunks of ${chunkSize}
workers          ${workers}
select + chunk   ${((chunked - began) / 1000).toFixed(2)} s
assess + write   ${((assessed - chunked) / 1000).toFixed(2)} s
total            ${seconds.toFixed(2)} s
persons/s        ${Math.round(manifest.persons / seconds).toLocaleString('en')} (of the population reviewed)
households/s     ${Math.round(run.householdCount / seconds).toLocaleString('en')} (assessed)
peak RSS         ${(peakRss / 2 ** 20).toFixed(0)} MiB (this process; PostgreSQL does the work)
classifications  ${summary.classifications.map((row) => `${row.classification ?? 'NONE'} ${row.households}`).join(', ')}
flags            ${summary.flags.map((row) => `${row.flag} ${row.households}`).join(', ')}
load             ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores: other work slows every phase alike
goal             1,000,000 persons in < ${GOAL_SECONDS} s: ${
        persons === 1_000_000
          ? `${seconds < GOAL_SECONDS ? 'met' : 'MISSED'} (${(seconds / GOAL_SECONDS).toFixed(2)} of the budget)`
          : `scaled, ${((seconds * 1_000_000) / persons / GOAL_SECONDS).toFixed(2)} of the budget if linear`
      }`);
    } finally {
      clearInterval(sampler);
      await pool.end();
    }
  });
}
