import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@hub/server/database/embedded-database';
import { afterAll, describe, expect, it } from 'vitest';
import { type HubProcess, runHubCommand, startHubProcess } from '../support/hub-process.ts';

// `hub start --instances 2`: two HTTP processes behind one port (node:cluster), one PostgreSQL, one checkpoint signer.

const LIMIT = 40;

interface Answer {
  status: number;
  requestId: string;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

/** POST /graphql on a connection of its own, so that the cluster hands each request to the next instance. */
function postOnNewConnection(url: string, query: string, token?: string): Promise<Answer> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const sent = request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hub-purpose': 'PERIODIC_REVIEW',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            requestId: String(response.headers['x-request-id']),
            body: JSON.parse(text),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

async function logIn(url: string, username: string, password: string): Promise<string> {
  const answer = await postOnNewConnection(
    url,
    `mutation { logIn(username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)}) { token } }`,
  );
  const token = (answer.body.data?.logIn as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`log-in failed: ${JSON.stringify(answer.body)}`);
  return token;
}

/** The process that answered each request, from the JSON log lines (pid, reqId) every instance writes. */
function processesThatAnswered(output: string, requestIds: readonly string[]): Set<number> {
  const wanted = new Set(requestIds);
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { pid?: number; reqId?: string };
    if (entry.reqId && wanted.has(entry.reqId) && entry.pid) pids.add(entry.pid);
  }
  return pids;
}

describe('hub start --instances 2', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'hub-instances-'));
  // mkdtemp makes it private; as root the embedded server runs as another OS user, who must be able to enter it.
  chmodSync(dataDirectory, 0o755);
  let hub: HubProcess | undefined;
  afterAll(async () => {
    await hub?.stop('SIGKILL');
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('serves through both instances, enforces one rate limit across them, keeps one intact signed chain, and stops cleanly', {
    timeout: 420_000,
  }, async () => {
    const port = String(await findFreePort());
    hub = await startHubProcess(
      ['start', '--port', port, '--data-dir', dataDirectory, '--demo-persons', '200', '--instances', '2'],
      {
        HUB_RATE_LIMIT_MAX: String(LIMIT),
        HUB_RATE_LIMIT_WINDOW_MS: String(10 * 60_000),
        HUB_AUDIT_CHECKPOINT_EVERY_SECONDS: '1',
      },
    );
    expect(hub.output()).toContain('2 HTTP instances share the port');
    const url = hub.url;
    const admin = await logIn(url, 'admin', readFileSync(join(dataDirectory, 'initial-admin-password'), 'utf8').trim());

    // Concurrent load through both instances: every answer writes its audit entries, from two processes at once.
    const load = await Promise.all(
      Array.from({ length: 30 }, () =>
        postOnNewConnection(url, '{ households(first: 3) { edges { node { id members { name } } } } }', admin),
      ),
    );
    expect(load.map((answer) => answer.status)).toEqual(load.map(() => 200));
    expect(load.every((answer) => answer.body.errors === undefined)).toBe(true);
    expect(
      processesThatAnswered(
        hub.output(),
        load.map((answer) => answer.requestId),
      ).size,
    ).toBe(2);

    // One limit, counted in PostgreSQL: LIMIT requests of one caller pass, whichever instance takes them, and every
    // one after them is refused by both instances.
    const reviewer = await logIn(
      url,
      'reviewer',
      readFileSync(join(dataDirectory, 'initial-reviewer-password'), 'utf8').trim(),
    );
    const allowed: Answer[] = [];
    for (let i = 0; i < LIMIT; i++) allowed.push(await postOnNewConnection(url, '{ me { id } }', reviewer));
    expect(allowed.map((answer) => answer.status)).toEqual(allowed.map(() => 200));
    expect(
      processesThatAnswered(
        hub.output(),
        allowed.map((answer) => answer.requestId),
      ).size,
    ).toBe(2);
    const refused: Answer[] = [];
    for (let i = 0; i < 4; i++) refused.push(await postOnNewConnection(url, '{ me { id } }', reviewer));
    expect(refused.map((answer) => answer.status)).toEqual([429, 429, 429, 429]);
    expect(refused[0]?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(
      processesThatAnswered(
        hub.output(),
        refused.map((answer) => answer.requestId),
      ).size,
    ).toBe(2);
    // Another caller still has its own allowance.
    expect((await postOnNewConnection(url, '{ me { id } }', admin)).status).toBe(200);

    // Ctrl-C: the primary drains both instances, then stops the database; one "stopped", exit code 0.
    expect(await hub.stop('SIGINT')).toBe(0);
    expect(hub.output().match(/^stopped$/gm)).toHaveLength(1);
    hub = undefined;

    // The trail both instances wrote is one intact chain, and the primary's checkpoints (the only signer) match it.
    const checkpoints = readFileSync(join(dataDirectory, 'audit', 'checkpoints.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(checkpoints.length).toBeGreaterThan(0);
    const verified = await runHubCommand(['audit', 'verify', '--data-dir', dataDirectory], '', {
      DATABASE_URL: undefined,
    });
    expect(verified.output).toMatch(/audit chain intact: \d+ entries against \d+ signed checkpoints/);
    expect(verified.code).toBe(0);
  });
});
