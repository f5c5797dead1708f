import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { runComparison } from '../../comparisons/run-comparison.ts';
import { startDueScheduledRuns } from '../../comparisons/start-due-scheduled-runs.ts';
import { createConnectorRegistry } from '../../connectors/create-connector-registry.ts';
import type { CommandContext } from '../command-context.ts';
import { commandPool } from '../command-pool.ts';

// A run with a chunk nobody holds: chunks claimed by live workers are locked and skipped.
const RUN_WITH_FREE_CHUNK = `
  SELECT r.id FROM comparison_runs r
   WHERE r.status IN ('PENDING', 'RUNNING')
     AND EXISTS (SELECT 1 FROM comparison_chunks ch WHERE ch.run_id = r.id AND ch.state = 'PENDING')
   ORDER BY r.created_at LIMIT 1`;

/**
 * `hub work-comparisons`: a comparison worker. Any number of them, on any machines sharing DATABASE_URL, take
 * chunks of whatever runs are pending, and first starts the scheduled runs that are due; a worker that dies mid-chunk loses nothing, since its chunk's transaction
 * rolls back and the chunk waits for the next worker. With --until-idle it stops when no chunk is left.
 */
export async function workComparisonsCommand(args: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'until-idle': { type: 'boolean', default: false },
      'poll-ms': { type: 'string', default: '1000' },
    },
  });
  const pool = commandPool(await context.databaseUrl(), 2);
  // An APPLICATION run's chunks ask the departments' live connectors (department_connectors).
  const connectors = createConnectorRegistry(pool);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true; // finishes the chunk in hand, then stops
    });
  }
  try {
    console.log(`comparison worker ${process.pid} ready`);
    while (!stopping) {
      for (const scheduled of await startDueScheduledRuns(pool)) {
        console.log(
          scheduled.runId
            ? `scheduled ${scheduled.kind} of ${scheduled.regionCode}: run ${scheduled.runId} as of ${scheduled.asOf}`
            : `scheduled ${scheduled.kind} of ${scheduled.regionCode} could not start: ${scheduled.failure}`,
        );
      }
      const { rows } = await pool.query<{ id: string }>(RUN_WITH_FREE_CHUNK);
      const runId = rows[0]?.id;
      if (!runId) {
        if (values['until-idle']) break;
        await sleep(Number(values['poll-ms']));
        continue;
      }
      const progress = await runComparison(pool, runId, {
        connectors,
        shouldStop: () => stopping,
        onProgress: (p) => console.log(`run ${runId}: ${p.chunksDone}/${p.chunkCount} chunks`),
      });
      if (progress.status === 'COMPLETED') console.log(`run ${runId} completed`);
    }
  } finally {
    connectors.close();
    await pool.end();
  }
}
