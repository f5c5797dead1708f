import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';
import { auditEntriesByRequest, type DemoRegion, loadDemoRegion } from './support/demo-region.ts';
import { postGraphql } from './support/graphql-client.ts';
import { runHubCommand, startHubServer, startWorker } from './support/hub-processes.ts';

// Real processes killed with SIGKILL, the way a power cut or the OOM killer ends them: a hub in the middle of a
// stream of requests, and a comparison worker in the middle of a run. After a restart nothing is broken.

const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const PERSON = 'query ($idNumber: String!) { person(idNumber: $idNumber) { name } }';
const CLIENTS = 10;

const database = await createTestDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let demo: DemoRegion;

beforeAll(async () => {
  demo = await loadDemoRegion(database.url, { persons: 3_000 });
});
afterAll(() => pool.end());

async function runState(runId: string) {
  const { rows } = await pool.query<{ status: string; chunks_done: number; chunk_count: number }>(
    'SELECT status, chunks_done, chunk_count FROM comparison_runs WHERE id = $1',
    [runId],
  );
  return rows[0];
}

describe('processes killed with SIGKILL', () => {
  it('a hub killed mid-request: after a restart the audit chain verifies, and every answer given was audited', async () => {
    const hub = await startHubServer(database.url);
    const answered = new Set<string>();
    let sent = 0;
    let lastRefusal = '';
    let killed = false;
    const stream = Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; ; n++) {
          const requestId = `crash-${client}-${n}`;
          sent += 1;
          try {
            const answer = await postGraphql(
              hub.url,
              { query: PERSON, variables: { idNumber: demo.idNumbers[(client * 31 + n) % demo.idNumbers.length] } },
              { token: demo.partnerToken, purpose: PURPOSE, requestId, timeoutMs: 10_000 },
            );
            if (answer.status === 200 && !answer.body?.errors) answered.add(requestId);
            else lastRefusal = answer.text.slice(0, 300);
          } catch (error) {
            if (killed) return; // the hub is gone
            lastRefusal = String(error); // a timeout on a loaded machine: ask again
          }
        }
      }),
    );
    const deadline = Date.now() + 90_000;
    while (answered.size < 30 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered.size, `${lastRefusal}\n${hub.output()}`).toBeGreaterThanOrEqual(30);
    killed = true;
    await hub.kill();
    await stream;
    expect(sent).toBeGreaterThan(answered.size); // some requests were in flight when it died

    const restarted = await startHubServer(database.url);
    const verify = await runHubCommand(database.url, ['audit', 'verify']);
    expect(verify.output).toContain('audit chain intact');
    expect(verify.code).toBe(0);
    const audited = await auditEntriesByRequest(database.url);
    expect([...answered].filter((id) => !audited.has(id))).toEqual([]);
    const after = await postGraphql(
      restarted.url,
      { query: PERSON, variables: { idNumber: demo.idNumbers[0] } },
      {
        token: demo.partnerToken,
        purpose: PURPOSE,
      },
    );
    expect(after.body?.errors).toBeUndefined();
    await restarted.stop();
  });

  it('a worker killed mid-run: the run completes with each household assessed exactly once', async () => {
    const run = await startComparisonRun(pool, {
      kind: 'PERIODIC_REVIEW',
      regionCode: '640100',
      asOf: demo.asOf,
      householdIds: null,
      chunkSize: 2,
    });
    expect(run.chunkCount).toBeGreaterThan(20);
    const doomed = startWorker(database.url);
    while (((await runState(run.id))?.chunks_done ?? 0) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await doomed.kill();
    expect((await runState(run.id))?.chunks_done).toBeLessThan(run.chunkCount);

    const survivor = startWorker(database.url, ['--until-idle']);
    expect(await survivor.exited).toBe(0);
    expect(await runState(run.id)).toEqual({
      status: 'COMPLETED',
      chunks_done: run.chunkCount,
      chunk_count: run.chunkCount,
    });
    const { rows } = await pool.query<{ households: number; assessments: number; cohort: number }>(
      `SELECT (SELECT count(DISTINCT household_id)::int FROM household_assessments WHERE run_id = $1) AS households,
              (SELECT count(*)::int FROM household_assessments WHERE run_id = $1) AS assessments,
              (SELECT count(*)::int FROM comparison_chunks, unnest(household_ids) WHERE run_id = $1) AS cohort`,
      [run.id],
    );
    expect(rows[0]).toEqual({
      households: run.householdCount,
      assessments: run.householdCount,
      cohort: run.householdCount,
    });
    const verify = await runHubCommand(database.url, ['audit', 'verify']);
    expect(verify.code).toBe(0);
  });
});
