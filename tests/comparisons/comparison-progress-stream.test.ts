import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { cancelComparisonRun } from '@hub/server/comparisons/cancel-comparison-run';
import { runComparison } from '@hub/server/comparisons/run-comparison';
import { startComparisonRun } from '@hub/server/comparisons/start-comparison-run';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

interface Progress {
  status: string;
  householdsDone: number;
  householdsTotal: number;
  householdsPerSecond: number | null;
  estimatedCompletionAt: string | null;
}

const database = await createTestDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 3 });
let hub: Awaited<ReturnType<typeof startTestApp>>;
let manifest: SeedManifest;
let officer: string;
let auditor: string;
let outsider: string;

beforeAll(async () => {
  manifest = await seedDatabase(database.url, { persons: 1_500, seed: 7 });
  hub = await startTestApp(database.url, { progressHeartbeatMs: 40 });
  const centre = await hub.prisma.department.findUniqueOrThrow({ where: { code: 'CIVIL_AFFAIRS_640100' } });
  const elsewhere = await createDepartment(hub.prisma, {
    kind: 'CIVIL_AFFAIRS',
    regionCode: (await createRegion(hub.prisma)).code,
  });
  const login = async (role: 'VERIFICATION_OFFICER' | 'AUDITOR', departmentId: string) => {
    const { user, password } = await createUser(hub.prisma, { role, departmentId });
    return hub.logIn(user.username, password);
  };
  officer = await login('VERIFICATION_OFFICER', centre.id);
  auditor = await login('AUDITOR', centre.id);
  outsider = await login('VERIFICATION_OFFICER', elsewhere.id);
});
afterAll(() => pool.end());

const startRun = () =>
  startComparisonRun(pool, { kind: 'PERIODIC_REVIEW', regionCode: '640100', asOf: manifest.asOf, chunkSize: 25 });

/** Reads a progress stream: its events as they come, its heartbeats, and whether the server ended it. */
function openStream(runId: string, token: string) {
  const abort = new AbortController();
  const events: Progress[] = [];
  let heartbeats = 0;
  let arrived: () => void = () => {};
  const next = () => new Promise<void>((resolve) => (arrived = resolve));
  const response = fetch(`${hub.url}/comparisons/${runId}/progress`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const ended = (async () => {
    const body = (await response).body;
    if (!body) throw new Error('no body');
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let cut = buffered.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffered.slice(0, cut);
        buffered = buffered.slice(cut + 2);
        if (block.startsWith(': heartbeat')) heartbeats++;
        const data = block.match(/^event: progress\ndata: (.*)$/m);
        if (data?.[1]) {
          events.push(JSON.parse(data[1]) as Progress);
          arrived();
        }
        cut = buffered.indexOf('\n\n');
      }
    }
  })();
  return { response, events, heartbeats: () => heartbeats, next, ended, abort: () => abort.abort() };
}

describe("a comparison run's progress stream", () => {
  it('sends the progress at once, then as each chunk of a running worker is done, and ends when the run completes', async () => {
    const run = await startRun();
    const stream = openStream(run.id, officer);
    const response = await stream.response;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await vi.waitFor(() => expect(stream.events).toHaveLength(1));
    expect(stream.events[0]).toMatchObject({
      status: 'PENDING',
      householdsDone: 0,
      householdsTotal: run.householdCount,
    });
    await vi.waitFor(() => expect(stream.heartbeats()).toBeGreaterThan(0));

    await runComparison(pool, run.id);
    await stream.ended;
    const last = stream.events.at(-1) as Progress;
    expect(last).toMatchObject({ status: 'COMPLETED', householdsDone: run.householdCount });
    expect(last.householdsPerSecond).toBeGreaterThan(0);
    expect(Date.parse(last.estimatedCompletionAt ?? '')).not.toBeNaN();
    const done = stream.events.map((event) => event.householdsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(stream.events.filter((event) => event.status === 'RUNNING').length).toBeGreaterThan(1);
    await vi.waitFor(() => expect(hub.http.progressWatchers()).toBe(0));
  });

  it('ends with the CANCELLED status when the run is cancelled', async () => {
    const run = await startRun();
    const stream = openStream(run.id, officer);
    await vi.waitFor(() => expect(stream.events).toHaveLength(1));
    await cancelComparisonRun(pool, run.id);
    await stream.ended;
    expect(stream.events.at(-1)?.status).toBe('CANCELLED');
  });

  it('lets go of its watcher and heartbeat when the client goes away before the run ends', async () => {
    const run = await startRun();
    const streams = [openStream(run.id, officer), openStream(run.id, officer)];
    await vi.waitFor(() => expect(streams.every((stream) => stream.events.length === 1)).toBe(true));
    expect(hub.http.progressWatchers()).toBe(2);
    for (const stream of streams) stream.abort();
    await Promise.allSettled(streams.map((stream) => stream.ended));
    await vi.waitFor(() => expect(hub.http.progressWatchers()).toBe(0));
    await cancelComparisonRun(pool, run.id);
  });

  it('refuses anonymous callers and auditors, and a run outside the caller’s region looks like none', async () => {
    const run = await startRun();
    const get = (path: string, token?: string) =>
      fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get(`/comparisons/${run.id}/progress`)).status).toBe(401);
    expect((await get(`/comparisons/${run.id}/progress`, auditor)).status).toBe(403);
    const outside = await get(`/comparisons/${run.id}/progress`, outsider);
    const missing = await get('/comparisons/00000000-0000-0000-0000-000000000000/progress', outsider);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual(await missing.json());
    expect((await get(`/comparisons/${run.id}/assessments.csv`, outsider)).status).toBe(404);
    expect(hub.http.progressWatchers()).toBe(0);
    await cancelComparisonRun(pool, run.id);
  });
});
