import type { ComparisonService } from '@hub/schema/context';
import pg from 'pg';
import type { ConnectorRegistry } from '../connectors/create-connector-registry.ts';
import { cancelComparisonRun } from './cancel-comparison-run.ts';
import { countLatestFindings } from './count-latest-findings.ts';
import { diffComparisonRuns } from './diff-comparison-runs.ts';
import { disableComparisonSchedule } from './disable-comparison-schedule.ts';
import { runComparison } from './run-comparison.ts';
import { setComparisonSchedule } from './set-comparison-schedule.ts';
import { startComparisonRun } from './start-comparison-run.ts';
import { startDueScheduledRuns } from './start-due-scheduled-runs.ts';
import { summarizeComparisonRun } from './summarize-comparison-run.ts';

export interface ComparisonServiceHandle {
  service: ComparisonService;
  /** Works the run's chunks in this process (alongside any other worker) until none is left. */
  work(runId: string): void;
  /** Stops taking chunks (the chunk in hand finishes; the rest stay pending for a later worker) and closes the pool. */
  close(): Promise<void>;
}

/**
 * Runs started through GraphQL (and, when asked, the scheduled runs that fall due) are worked through in this process, one chunk at a time; the chunks stay in
 * PostgreSQL, so workers elsewhere (or a restart) can share or resume them.
 */
export function createComparisonService(
  databaseUrl: string,
  options: {
    /** How often this process starts the scheduled runs that are due (and works them); never when unset. */
    scheduleEveryMs?: number;
    /** An APPLICATION run's chunks ask the departments' live connectors. */
    connectors?: ConnectorRegistry;
    /** Who works the runs started here, if not this process: a cluster worker hands them to its primary. */
    workElsewhere?: (runId: string) => void;
  } = {},
): ComparisonServiceHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  pool.on('error', () => {});
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const work = (runId: string) => {
    // A failed chunk marks the run FAILED with its reason, which the run's `failure` field shows.
    const done = runComparison(pool, runId, { shouldStop: () => stopping, connectors: options.connectors }).catch(
      () => {},
    );
    running.add(done);
    void done.finally(() => running.delete(done));
  };
  let scheduling = false;
  const scheduler =
    options.scheduleEveryMs === undefined
      ? undefined
      : setInterval(() => {
          if (scheduling || stopping) return;
          scheduling = true;
          startDueScheduledRuns(pool)
            .then((started) => {
              for (const { runId } of started) if (runId) work(runId);
            })
            .catch(() => {}) // the database is away: the next tick tries again
            .finally(() => {
              scheduling = false;
            });
        }, options.scheduleEveryMs).unref();
  const service: ComparisonService = {
    startComparisonRun: async (input, startedById) => {
      const started = await startComparisonRun(pool, { ...input, startedById });
      (options.workElsewhere ?? work)(started.id);
      return { id: started.id };
    },
    summarizeComparisonRun: (runId) => summarizeComparisonRun(pool, runId),
    diffComparisonRuns: (runId) => diffComparisonRuns(pool, runId),
    cancelComparisonRun: (runId) => cancelComparisonRun(pool, runId),
    setComparisonSchedule: (input, createdById) => setComparisonSchedule(pool, { ...input, createdById }),
    disableComparisonSchedule: (id) => disableComparisonSchedule(pool, id),
    countLatestFindings: (regionCodes) => countLatestFindings(pool, regionCodes),
  };
  return {
    service,
    work,
    close: async () => {
      stopping = true;
      clearInterval(scheduler);
      await Promise.allSettled([...running]);
      await pool.end();
    },
  };
}
