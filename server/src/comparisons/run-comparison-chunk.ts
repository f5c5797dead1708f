import type { ComparisonKind } from '@hub/prisma';
import type pg from 'pg';
import type { ConnectorRegistry } from '../connectors/create-connector-registry.ts';
import { type FetchedLiveAnswers, fetchLiveAnswers, storeLiveAnswers } from '../connectors/fetch-live-answers.ts';
import { type DiscrepancyCasePolicy, readDiscrepancyCasePolicy } from '../discrepancy-cases/discrepancy-case-policy.ts';
import { openDiscrepancyCases } from '../discrepancy-cases/open-discrepancy-cases.ts';
import { reportCheckedRequests } from '../requests/report-checked-requests.ts';
import { assessHouseholds } from './assess-households.ts';
import { COMPARISON_PURPOSE } from './comparison-purpose.ts';
import { PROGRESS_CHANNEL } from './progress-channel.ts';
import { DATASETS_READ_BY, FLAGS_CHECKED_BY, readsOnlyAuthorisedRecords } from './rules.ts';

export interface ChunkOutcome {
  runId: string;
  chunkNo: number;
  households: number;
}

let policy: DiscrepancyCasePolicy | undefined;
const casePolicy = () => {
  policy ??= readDiscrepancyCasePolicy();
  return policy;
};

const CLAIM_NEXT = `
  SELECT ch.chunk_no, r.kind, to_char(r.as_of, 'YYYY-MM-DD') AS as_of
    FROM comparison_chunks ch JOIN comparison_runs r ON r.id = ch.run_id
   WHERE ch.run_id = $1 AND ch.state = 'PENDING' AND r.status IN ('PENDING', 'RUNNING')
   ORDER BY ch.chunk_no LIMIT 1
     FOR UPDATE OF ch SKIP LOCKED`;

const CLAIM_ONE = `
  SELECT ch.chunk_no, r.kind, to_char(r.as_of, 'YYYY-MM-DD') AS as_of
    FROM comparison_chunks ch JOIN comparison_runs r ON r.id = ch.run_id
   WHERE ch.run_id = $1 AND ch.chunk_no = $2 AND ch.state = 'PENDING' AND r.status IN ('PENDING', 'RUNNING')
     FOR UPDATE OF ch SKIP LOCKED`;

// A chunk an APPLICATION run may ask the departments about: the given one, or any pending chunk no worker is assessing
// right now (a random one, so that workers starting together rarely ask about the same chunk). The row lock is
// only a test here: the statement commits at once and the chunk is claimed later, in its own transaction.
const PICK_FOR_LIVE_ANSWERS = `
  SELECT ch.chunk_no, to_char(r.as_of, 'YYYY-MM-DD') AS as_of
    FROM comparison_chunks ch JOIN comparison_runs r ON r.id = ch.run_id
   WHERE ch.run_id = $1 AND ($2::int IS NULL OR ch.chunk_no = $2) AND ch.state = 'PENDING'
     AND r.status IN ('PENDING', 'RUNNING')
   ORDER BY random() LIMIT 1
     FOR UPDATE OF ch SKIP LOCKED`;

/**
 * Claims one pending chunk of the run (the given one, or the next free one), assesses its households, writes their
 * results and marks the chunk done, all in one transaction: a worker that dies midway leaves the chunk pending
 * for another, and a chunk assessed twice rewrites its rows instead of adding any. Null when there was nothing
 * to claim (every chunk done or taken by another worker right now).
 *
 * A chunk of an APPLICATION run is first asked about, of the departments that have a live connector
 * (`connectors`), before its transaction opens: no lock or connection waits on a department. The answers are stored
 * in the chunk's transaction with its results; if another worker claimed the chunk meanwhile, they are dropped.
 */
export async function runComparisonChunk(
  pool: pg.Pool,
  runId: string,
  chunkNo?: number,
  options: { connectors?: ConnectorRegistry } = {},
): Promise<ChunkOutcome | null> {
  await pool.query(
    `WITH started AS (
       UPDATE comparison_runs SET status = 'RUNNING', started_at = coalesce(started_at, now())
        WHERE id = $1 AND status = 'PENDING' RETURNING id)
     SELECT pg_notify('${PROGRESS_CHANNEL}', id::text) FROM started`,
    [runId],
  );
  const { connectors } = options;
  const run = await pool.query<{ kind: ComparisonKind }>('SELECT kind FROM comparison_runs WHERE id = $1', [runId]);
  if (!connectors || run.rows[0]?.kind !== 'APPLICATION') return claimAndAssessChunk(pool, runId, chunkNo);
  for (;;) {
    const picked = await pool.query<{ chunk_no: number; as_of: string }>(PICK_FOR_LIVE_ANSWERS, [
      runId,
      chunkNo ?? null,
    ]);
    const candidate = picked.rows[0];
    if (!candidate) return null;
    const chunk = { runId, chunkNo: candidate.chunk_no, asOf: candidate.as_of };
    const fetched = await fetchLiveAnswers(pool, connectors, chunk, DATASETS_READ_BY.APPLICATION);
    const outcome = await claimAndAssessChunk(pool, runId, chunk.chunkNo, { connectors, fetched });
    if (outcome || chunkNo !== undefined) return outcome;
  }
}

async function claimAndAssessChunk(
  pool: pg.Pool,
  runId: string,
  chunkNo: number | undefined,
  live?: { connectors: ConnectorRegistry; fetched: FetchedLiveAnswers },
): Promise<ChunkOutcome | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claimed = await client.query<{ chunk_no: number; kind: ComparisonKind; as_of: string }>(
      chunkNo === undefined ? CLAIM_NEXT : CLAIM_ONE,
      chunkNo === undefined ? [runId] : [runId, chunkNo],
    );
    const chunk = claimed.rows[0];
    if (!chunk) {
      await client.query('COMMIT');
      return null;
    }
    const claimedChunk = { runId, chunkNo: chunk.chunk_no, asOf: chunk.as_of };
    const datasets = DATASETS_READ_BY[chunk.kind];
    const snapshotIds = live ? await storeLiveAnswers(client, live.connectors, live.fetched) : [];
    const households = await assessHouseholds(
      client,
      claimedChunk,
      {
        flags: FLAGS_CHECKED_BY[chunk.kind],
        datasets,
        onlyAuthorised: readsOnlyAuthorisedRecords(chunk.kind)
          ? { purpose: COMPARISON_PURPOSE[chunk.kind] }
          : undefined,
      },
      chunk.kind === 'APPLICATION' ? { snapshotIds } : undefined,
    );
    await client.query(
      `UPDATE comparison_chunks SET state = 'DONE', completed_at = now() WHERE run_id = $1 AND chunk_no = $2`,
      [runId, chunk.chunk_no],
    );
    // Locked last and briefly, so workers on other chunks of the run are not held up; the statement after the
    // lock sees every chunk committed before it, so exactly one worker completes the run. NO KEY UPDATE: the
    // results' foreign keys hold KEY SHARE locks on the run, which a FOR UPDATE would deadlock against.
    await client.query('SELECT 1 FROM comparison_runs WHERE id = $1 FOR NO KEY UPDATE', [runId]);
    const completion = await client.query<{ status: string }>(
      `WITH done AS (
         SELECT count(*)::int AS chunks, coalesce(sum(cardinality(household_ids)), 0)::int AS households
           FROM comparison_chunks WHERE run_id = $1 AND state = 'DONE')
       UPDATE comparison_runs r SET chunks_done = done.chunks, households_done = done.households,
              status = CASE WHEN done.chunks = r.chunk_count AND r.status <> 'CANCELLED'
                            THEN 'COMPLETED'::"ComparisonRunStatus" ELSE r.status END,
              completed_at = CASE WHEN done.chunks = r.chunk_count THEN now() ELSE r.completed_at END
         FROM done WHERE r.id = $1
       RETURNING r.status`,
      [runId],
    );
    await reportCheckedRequests(client, runId);
    // The findings become cases in the transaction that completes the run: both commit, or neither.
    if (completion.rows[0]?.status === 'COMPLETED') {
      await openDiscrepancyCases(client, runId, { policy: casePolicy() });
    }
    await client.query(`SELECT pg_notify('${PROGRESS_CHANNEL}', $1)`, [runId]); // delivered on commit
    await client.query('COMMIT');
    return { runId, chunkNo: chunk.chunk_no, households };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
