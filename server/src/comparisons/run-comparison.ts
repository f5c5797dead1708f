import type pg from 'pg';
import type { ConnectorRegistry } from '../connectors/create-connector-registry.ts';
import { PROGRESS_CHANNEL } from './progress-channel.ts';
import { runComparisonChunk } from './run-comparison-chunk.ts';

export interface ComparisonProgress {
  runId: string;
  status: string;
  chunkCount: number;
  chunksDone: number;
  householdCount: number;
  householdsDone: number;
  startedAt: Date | null;
  completedAt: Date | null;
}

export async function readComparisonProgress(pool: pg.Pool, runId: string): Promise<ComparisonProgress> {
  const { rows } = await pool.query<ComparisonProgress>(
    `SELECT id AS "runId", status, chunk_count AS "chunkCount", chunks_done AS "chunksDone",
            household_count AS "householdCount", households_done AS "householdsDone",
            started_at AS "startedAt", completed_at AS "completedAt"
       FROM comparison_runs WHERE id = $1`,
    [runId],
  );
  const progress = rows[0];
  if (!progress) throw new Error(`no comparison run ${runId}`);
  return progress;
}

/**
 * Works through the run's chunks until none is left to claim; several of these (in one process or many) share a
 * run. A chunk that fails marks the run FAILED with the reason, and the error is thrown.
 */
export async function runComparison(
  pool: pg.Pool,
  runId: string,
  options: {
    onProgress?: (progress: ComparisonProgress) => void;
    shouldStop?: () => boolean;
    /** The live connectors an APPLICATION run's chunks ask. */
    connectors?: ConnectorRegistry;
  } = {},
): Promise<ComparisonProgress> {
  try {
    while (!options.shouldStop?.()) {
      const outcome = await runComparisonChunk(pool, runId, undefined, { connectors: options.connectors });
      if (!outcome) break;
      options.onProgress?.(await readComparisonProgress(pool, runId));
    }
  } catch (error) {
    await pool.query(
      `WITH failed AS (UPDATE comparison_runs SET status = 'FAILED', failure = $2 WHERE id = $1 RETURNING id)
       SELECT pg_notify('${PROGRESS_CHANNEL}', id::text) FROM failed`,
      [runId, error instanceof Error ? error.message : String(error)],
    );
    throw error;
  }
  return readComparisonProgress(pool, runId);
}
