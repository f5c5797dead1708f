import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@hub/server/database/embedded-database';
import { applyMigrations } from '@hub/server/database/migrate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRegion, loadDemoRegion } from './support/demo-region.ts';
import { errorCodes, type GraphqlAnswer, postGraphql } from './support/graphql-client.ts';
import { type HubServer, startHubServer } from './support/hub-processes.ts';

// PostgreSQL of its own (the suite's shared one cannot be stopped), stopped and started again under a stream of
// partner requests: while it is down the hub answers at once and clearly, and once it is back the hub serves
// again by itself, its agreement-change listener included, with no restart.

const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const PERSON = 'query ($idNumber: String!) { person(idNumber: $idNumber) { name } }';
const FAIL_FAST_MS = 2_000;
const CLIENTS = 5;

const directory = mkdtempSync(join(tmpdir(), 'hub-outage-pg-'));
let database: EmbeddedDatabase;
let port: number;
let url: string;
let demo: DemoRegion;
let hub: HubServer;

beforeAll(async () => {
  database = await startEmbeddedDatabase({ directory });
  port = Number(new URL(database.adminUrl).port);
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE hub');
  await admin.end();
  url = database.urlFor('hub');
  await applyMigrations(url);
  demo = await loadDemoRegion(url, { persons: 300 });
  hub = await startHubServer(url);
});
afterAll(async () => {
  await hub?.stop();
  await database?.stop();
  rmSync(directory, { recursive: true, force: true });
});

const ask = (n: number) =>
  postGraphql(
    hub.url,
    { query: PERSON, variables: { idNumber: demo.idNumbers[n % demo.idNumbers.length] } },
    {
      token: demo.partnerToken,
      purpose: PURPOSE,
      timeoutMs: 10_000,
    },
  );
const succeeded = (answer: GraphqlAnswer) => answer.status === 200 && !answer.body?.errors && answer.body?.data != null;

async function listeners(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'",
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

describe('the hub while its PostgreSQL stops and starts again', () => {
  it('fails fast and clearly while the database is down, and recovers by itself when it is back', async () => {
    let loading = true;
    const during: { at: number; answer: GraphqlAnswer | Error }[] = [];
    const load = Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let n = c; loading; n += CLIENTS) {
          const at = performance.now();
          during.push({ at, answer: await ask(n).catch((error: Error) => error) });
        }
      }),
    );
    while (during.length < 4 * CLIENTS) await new Promise((resolve) => setTimeout(resolve, 50));
    const failedBefore = during.filter(({ answer }) => answer instanceof Error || !succeeded(answer));
    expect(
      failedBefore.map(({ answer }) => (answer instanceof Error ? answer.message : answer.text.slice(0, 200))),
    ).toEqual([]);
    expect(await listeners()).toBeGreaterThanOrEqual(1);

    await database.stop();
    const stoppedAt = performance.now();
    // Requests sent from half a second after the stop on: wait for enough of them, not for a fixed time.
    const sentWhileDown = () => during.filter(({ at }) => at > stoppedAt + 500);
    while (sentWhileDown().length <= 2 * CLIENTS && performance.now() - stoppedAt < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const whileDown = sentWhileDown().map(({ answer }) => answer);
    const ready = await fetch(`${hub.url}/readyz`);
    const health = await fetch(`${hub.url}/healthz`);

    database = await startEmbeddedDatabase({ directory, port });
    const restartedAt = performance.now();
    let recoveredAt = Number.POSITIVE_INFINITY;
    while (performance.now() - restartedAt < 20_000) {
      if (succeeded(await ask(0))) {
        recoveredAt = performance.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    loading = false;
    await load;

    // While down: every answer came at once, and said what is wrong.
    expect(whileDown.length).toBeGreaterThan(CLIENTS);
    const slowest = Math.max(...whileDown.map((answer) => (answer instanceof Error ? Infinity : answer.milliseconds)));
    const shapes = new Set(
      whileDown.map((answer) => (answer instanceof Error ? answer.message : `${answer.status} ${errorCodes(answer)}`)),
    );
    console.log(
      `database down: ${whileDown.length} answers, slowest ${slowest.toFixed(0)} ms, ${[...shapes].join('; ')}; ` +
        `recovered ${(recoveredAt - restartedAt).toFixed(0)} ms after the restart`,
    );
    expect(slowest).toBeLessThan(FAIL_FAST_MS);
    expect([...shapes].every((shape) => /^503 (SERVICE_UNAVAILABLE|AUDIT_UNAVAILABLE)$/.test(shape))).toBe(true);
    expect(ready.status).toBe(503);
    expect(health.status).toBe(200); // alive, and says so: the process is not what failed

    // Back: serving again within a few seconds, with no restart, and answering every request since.
    expect(recoveredAt - restartedAt).toBeLessThan(5_000);
    const afterwards = during.filter(({ at }) => at > recoveredAt).map(({ answer }) => answer);
    expect(afterwards.length).toBeGreaterThan(0);
    expect(afterwards.every((answer) => !(answer instanceof Error) && succeeded(answer))).toBe(true);
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
    expect(hub.child.exitCode).toBeNull();

    // The grant cache listens for agreement changes again.
    const started = performance.now();
    while ((await listeners()) < 1 && performance.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await listeners()).toBeGreaterThanOrEqual(1);
  });
});
