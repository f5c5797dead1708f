import type { ComparisonService } from '@hub/schema/context';
import pg from 'pg';
import { cancelComparisonRun } from './cancel-comparison-run.ts';
import { countLatestFindings } from './count-latest-findings.ts';
import { diffComparisonRuns } from './diff-comparison-runs.ts';
import { runComparison } from './run-comparison.ts';
import { startComparisonRun } from './start-comparison-run.ts';
import { summarizeComparisonRun } from './summarize-comparison-run.ts';

export interface ComparisonServiceHandle {
  service: ComparisonService;
  /** Stops taking chunks (the chunk in hand finishes; the rest stay pending for a later worker) and closes the pool. */
  close(): Promise<void>;
}

/**
 * Runs started through GraphQL are worked through in this process, one chunk at a time; the chunks stay in
 * PostgreSQL, so workers elsewhere (or a restart) can share or resume them.
 */
export function createComparisonService(databaseUrl: string): ComparisonServiceHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  pool.on('error', () => {});
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const service: ComparisonService = {
    startComparisonRun: async (input, startedById) => {
      const started = await startComparisonRun(pool, { ...input, startedById });
      // A failed chunk marks the run FAILED with its reason, which the run's `failure` field shows.
      const work = runComparison(pool, started.id, { shouldStop: () => stopping }).catch(() => {});
      running.add(work);
      void work.finally(() => running.delete(work));
      return { id: started.id };
    },
    summarizeComparisonRun: (runId) => summarizeComparisonRun(pool, runId),
    diffComparisonRuns: (runId) => diffComparisonRuns(pool, runId),
    cancelComparisonRun: (runId) => cancelComparisonRun(pool, runId),
    countLatestFindings: (regionCodes) => countLatestFindings(pool, regionCodes),
  };
  return {
    service,
    close: async () => {
      stopping = true;
      await Promise.allSettled([...running]);
      await pool.end();
    },
  };
}
