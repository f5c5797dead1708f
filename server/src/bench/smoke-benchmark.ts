import { parseArgs } from 'node:util';
import { apiBenchmark, GOAL_RATIO } from './api-benchmark.ts';
import { casesBenchmark } from './cases-benchmark.ts';
import { compareBenchmark } from './compare-benchmark.ts';
import { importBenchmark } from './import-benchmark.ts';
import { machineLoad } from './machine-load.ts';
import { requestsBenchmark } from './requests-benchmark.ts';
import { retentionBenchmark } from './retention-benchmark.ts';
import { seedBenchmark } from './seed-benchmark.ts';

// Each benchmark at the smallest size that still runs all of its phases.
const SMALLEST: { name: string; run: (args: string[]) => Promise<unknown>; args: string[] }[] = [
  { name: 'seed', run: seedBenchmark, args: ['--persons', '2000'] },
  { name: 'compare', run: compareBenchmark, args: ['--persons', '2000'] },
  { name: 'import', run: importBenchmark, args: ['--rows', '2000'] },
  { name: 'requests', run: requestsBenchmark, args: ['--count', '100'] },
  { name: 'retention', run: retentionBenchmark, args: ['--rows', '1000', '--persons', '500', '--deliveries', '3'] },
  { name: 'cases', run: casesBenchmark, args: ['--households', '100'] },
];

// The api benchmark last, its rounds long enough for a ratio when gated, as short as can be when not.
const apiArgs = (gated: boolean) => [
  ...['--persons', '2000', '--instances', '1', '--overload-clients', '64', '--warm-up', gated ? '3' : '1'],
  ...(gated ? ['--seconds', '16', '--rounds', '4'] : ['--seconds', '4', '--rounds', '2']),
];

/**
 * `pnpm bench smoke`: every benchmark at its smallest size, one after the other, each printing its figures and the
 * machine's load; then fails if enforcement + audit keep less than GOAL_RATIO of the partner API's throughput.
 * `--no-gate` runs the same and never fails on the ratio: the test suite runs it so, since a ratio measured on a
 * loaded machine is noise, and the guide forbids timed assertions in tests (docs/development.md).
 */
export async function smokeBenchmark(args: string[]): Promise<{ ratio: number }> {
  const { values } = parseArgs({ args, options: { 'no-gate': { type: 'boolean', default: false } } });
  const gated = !values['no-gate'];
  const seconds: [string, number][] = [];
  const timed = async <T>(name: string, benchArgs: string[], run: (args: string[]) => Promise<T>): Promise<T> => {
    console.log(`\n── bench ${name} ${benchArgs.join(' ')} (${machineLoad()})`);
    const started = performance.now();
    const result = await run(benchArgs);
    // A benchmark that found a wrong answer says so through the exit code without throwing.
    if (process.exitCode) throw new Error(`bench ${name} failed (exit code ${process.exitCode})`);
    seconds.push([name, (performance.now() - started) / 1000]);
    return result;
  };
  for (const bench of SMALLEST) await timed(bench.name, bench.args, bench.run);
  const { ratio } = await timed('api', apiArgs(gated), apiBenchmark);

  console.log('\nsmoke');
  for (const [name, taken] of seconds) console.log(`  ${name.padEnd(10)} ran in ${taken.toFixed(1)} s`);
  const met = ratio >= GOAL_RATIO;
  console.log(
    `  api on/off ratio ${ratio.toFixed(2)} (goal >= ${GOAL_RATIO}: ${met ? 'met' : 'MISSED'}; ` +
      `${gated ? 'gated' : 'not gated (--no-gate)'}), ${machineLoad()}`,
  );
  if (gated && !met) throw new Error(`the api on/off ratio ${ratio.toFixed(2)} is below the goal ${GOAL_RATIO}`);
  return { ratio };
}
