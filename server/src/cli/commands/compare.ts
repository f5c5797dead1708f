import { parseArgs } from 'node:util';
import type { ComparisonKind } from '@hub/prisma';
import { estimatedCompletionAt, householdsPerSecond } from '@hub/schema/comparisons/comparison-pace';
import { diffComparisonRuns } from '../../comparisons/diff-comparison-runs.ts';
import { FLAGS_CHECKED_BY } from '../../comparisons/rules.ts';
import { type ComparisonProgress, runComparison } from '../../comparisons/run-comparison.ts';
import { startComparisonRun } from '../../comparisons/start-comparison-run.ts';
import { summarizeComparisonRun } from '../../comparisons/summarize-comparison-run.ts';
import { createConnectorRegistry } from '../../connectors/create-connector-registry.ts';
import type { CommandContext } from '../command-context.ts';
import { commandPool } from '../command-pool.ts';
import { compareScheduleCommand, listSchedulesCommand, SCHEDULE_USAGE } from './compare-schedules.ts';

const KINDS = Object.keys(FLAGS_CHECKED_BY) as ComparisonKind[];

const USAGE = `usage: ./hub compare --kind KIND [--region CODE] [--households ID,ID,...] --as-of YYYY-MM-DD [--chunk-size N]

Runs a comparison in the hub's database and prints its progress, the households per classification and flag, and what
changed since the previous run of the same kind and region. KIND is one of ${KINDS.join(', ')}; an APPLICATION
run names its households, the others compare the enrolled households of --region and its sub-regions. With
--start-only it creates the run and leaves its chunks to workers (./hub work-comparisons).

${SCHEDULE_USAGE}`;

/** households done/total, the pace so far and when the run will end at it. */
export function progressLine(progress: ComparisonProgress, now: Date = new Date()): string {
  const rate = householdsPerSecond(progress, now);
  const eta = estimatedCompletionAt(progress, now);
  const remaining = eta ? Math.max(0, Math.round((eta.getTime() - now.getTime()) / 1000)) : null;
  return (
    `${progress.householdsDone}/${progress.householdCount} households (chunk ${progress.chunksDone}/${progress.chunkCount})` +
    `, ${rate === null ? '—' : Math.round(rate)} households/s, ETA ${remaining === null ? '—' : `${remaining} s`}`
  );
}

/** `hub compare`: one comparison run, worked through in this process. */
export async function compareCommand(args: string[], context: CommandContext): Promise<void> {
  if (args[0] === 'schedule') return compareScheduleCommand(args.slice(1), context);
  if (args[0] === 'schedules') return listSchedulesCommand(context);
  const { values } = parseArgs({
    args,
    options: {
      kind: { type: 'string' },
      region: { type: 'string' },
      households: { type: 'string' },
      'as-of': { type: 'string' },
      'chunk-size': { type: 'string' },
      'start-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const kind = values.kind as ComparisonKind | undefined;
  if (!kind || !KINDS.includes(kind)) throw new Error(`--kind must be one of ${KINDS.join(', ')}\n\n${USAGE}`);
  const asOf = values['as-of'];
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of takes a date, YYYY-MM-DD\n\n${USAGE}`);
  const pool = commandPool(await context.databaseUrl(), 2);
  // An APPLICATION run's chunks ask the departments' live connectors (department_connectors).
  const connectors = createConnectorRegistry(pool);
  try {
    const began = performance.now();
    const started = await startComparisonRun(pool, {
      kind,
      regionCode: values.region ?? null,
      asOf,
      householdIds: values.households?.split(',').map((id) => id.trim()) ?? null,
      chunkSize: values['chunk-size'] ? Number(values['chunk-size']) : null,
    });
    console.log(`run ${started.id}: ${started.householdCount} households in ${started.chunkCount} chunks`);
    if (values['start-only']) {
      console.log('left for the workers (./hub work-comparisons)');
      return;
    }
    await runComparison(pool, started.id, {
      connectors,
      onProgress: (progress) => console.log(`  ${progressLine(progress)}`),
    });
    console.log(`completed in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    const summary = await summarizeComparisonRun(pool, started.id);
    for (const row of summary.classifications) {
      console.log(`  ${(row.classification ?? 'UNCLASSIFIED').padEnd(33)} ${row.households}`);
    }
    for (const row of summary.flags) console.log(`  flag ${row.flag.padEnd(28)} ${row.households}`);
    const diff = await diffComparisonRuns(pool, started.id);
    if (!diff.previousRunId) console.log('no previous run of this kind and region to compare with');
    else {
      console.log(
        `since run ${diff.previousRunId}: ${diff.newlyFlagged.length} newly flagged, ${diff.cleared.length} cleared, ` +
          `${diff.changedClass.length} changed class`,
      );
    }
  } finally {
    connectors.close();
    await pool.end();
  }
}
