import { seedBenchmark } from '../bench/seed-benchmark.ts';

const benchmarks: Record<string, { run: (args: string[]) => Promise<void>; summary: string }> = {
  seed: {
    run: seedBenchmark,
    summary: 'load synthetic persons with COPY (default 1,000,000) into a fresh embedded PostgreSQL',
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
    await benchmark.run(args);
  } catch (error) {
    console.error(`bench ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  }
}
