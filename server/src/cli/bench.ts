import { apiBenchmark } from '../bench/api-benchmark.ts';
import { casesBenchmark } from '../bench/cases-benchmark.ts';
import { compareBenchmark } from '../bench/compare-benchmark.ts';
import { importBenchmark } from '../bench/import-benchmark.ts';
import { machineLoad } from '../bench/machine-load.ts';
import { requestsBenchmark } from '../bench/requests-benchmark.ts';
import { retentionBenchmark } from '../bench/retention-benchmark.ts';
import { seedBenchmark } from '../bench/seed-benchmark.ts';
import { smokeBenchmark } from '../bench/smoke-benchmark.ts';

const benchmarks: Record<string, { run: (args: string[]) => Promise<unknown>; summary: string }> = {
  api: {
    run: apiBenchmark,
    summary: 'partner queries over HTTP sent by wrk, 50 connections × 30 s, enforcement + audit on and off in turn',
  },
  cases: {
    run: casesBenchmark,
    summary: 'discrepancy cases opened from one run of 10,000 flagged households (--households), then cleared',
  },
  import: {
    run: importBenchmark,
    summary: 'a 1,000,000-row CSV of each bulk dataset (or --dataset NAME,…) over HTTP; seconds, CPU, RSS per dataset',
  },
  compare: {
    run: compareBenchmark,
    summary: 'a PERIODIC_REVIEW of a seeded city (default 1,000,000 persons), with --workers sharing its chunks',
  },
  requests: {
    run: requestsBenchmark,
    summary: 'a 10,000-line NDJSON batch of verification requests POSTed over HTTP by the civil-affairs API client',
  },
  retention: {
    run: retentionBenchmark,
    summary:
      'disk used by 12 monthly BANK_DEPOSIT deliveries (200,000 rows each), with the snapshot retention and without',
  },
  seed: {
    run: seedBenchmark,
    summary: 'load synthetic persons with COPY (default 1,000,000) into a fresh embedded PostgreSQL',
  },
  smoke: {
    run: smokeBenchmark,
    summary: 'every benchmark at its smallest size; fails if the api on/off ratio is below 0.85 (--no-gate: never)',
  },
};

const [name, ...args] = process.argv.slice(2);
const benchmark = name ? benchmarks[name] : undefined;
if (!benchmark) {
  console.log('usage: pnpm bench <name> [options]\n');
  for (const [key, entry] of Object.entries(benchmarks)) console.log(`  ${key.padEnd(10)} ${entry.summary}`);
  process.exitCode = name ? 2 : 0;
} else {
  try {
    console.log(`bench ${name}: ${machineLoad()} at the start`);
    await benchmark.run(args);
    console.log(`bench ${name}: ${machineLoad()} at the end`);
    // Pools and keep-alive sockets of the finished run may linger; a benchmark ends when it has reported.
    process.exit(0);
  } catch (error) {
    console.error(`bench ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}
