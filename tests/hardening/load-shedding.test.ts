import { request as httpRequest, type IncomingMessage } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// One request in flight at a time: a request whose body has not finished arriving holds the only slot, for as long
// as the test keeps it open. /metrics is not counted, so it tells when the slot is taken without taking it.
const METRICS_TOKEN = 'metrics-token-for-load-shedding';
const db = await createTestDatabase();
const hub = await startTestApp(db.url, {
  limits: { maxInFlightRequests: 1, rateLimitMax: 0, metricsToken: METRICS_TOKEN },
});

let officer: { token: string; userId: string };

beforeAll(async () => {
  const regionCode = (await createRegion(hub.prisma)).code;
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const { user, password } = await createUser(hub.prisma, {
    role: 'VERIFICATION_OFFICER',
    departmentId: department.id,
  });
  officer = { token: await hub.logIn(user.username, password), userId: user.id };
});

/** A POST /graphql whose body arrives in two parts: the second when `finish` is called; `cut` drops the connection. */
function heldRequest(token: string) {
  const body = Buffer.from(JSON.stringify({ query: '{ me { id } }' }));
  const request = httpRequest(`${hub.url}/graphql`, {
    agent: false, // a connection of its own, never one kept alive from an earlier request
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.on('response', (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
  });
  request.write(body.subarray(0, 5));
  return { answer, finish: () => request.end(body.subarray(5)), cut: () => request.destroy() };
}

const me = () => hub.graphql<{ me: { id: string } }>('{ me { id } }', { token: officer.token });

/** Waits until the hub counts `count` requests in flight (a held request is counted once its headers arrive). */
async function untilInFlight(count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await response.text();
    if (new RegExp(`^hub_in_flight_requests ${count}$`, 'm').test(text)) return;
    if (Date.now() > deadline)
      throw new Error(`never ${count} requests in flight:\n${text.match(/^hub_in_flight.*$/m)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('load shedding (HUB_MAX_IN_FLIGHT_REQUESTS)', () => {
  it('refuses a request beyond the limit with 503 OVERLOADED and Retry-After, audited, and serves again once one finishes', async () => {
    const held = heldRequest(officer.token);
    await untilInFlight(1);
    const refused = await me();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'OVERLOADED', retryAfterSeconds: 1 });
    expect(refused.data).toBeUndefined();
    // The refusal is on record under its request id, as a refusal of the caller whose token it carried.
    const requestId = refused.headers.get('x-request-id') ?? '';
    const entries = await hub.prisma.auditEntry.findMany({ where: { requestId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ decision: 'DENIED', userId: officer.userId });
    expect(entries[0]?.operation).toMatch(/→ 503/);

    // Other routes answer with their own error shape; probes are exempt.
    const token = await fetch(`${hub.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' }),
    });
    expect(token.status).toBe(503);
    expect(await token.json()).toMatchObject({ error: { code: 'OVERLOADED' } });
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
    const metrics = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(await metrics.text()).toMatch(/^hub_overload_refusals_total 2$/m);

    // The held request is answered in full, and its slot is free again.
    held.finish();
    const answered = await held.answer;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toMatchObject({ data: { me: { id: officer.userId } } });
    await untilInFlight(0);
    const after = await me();
    expect(after.status).toBe(200);
    expect(after.data?.me.id).toBe(officer.userId);
  });

  it('frees the slot of a request whose client went away before its answer', async () => {
    const held = heldRequest(officer.token);
    held.answer.catch(() => {}); // the connection is cut on purpose
    await untilInFlight(1);
    expect((await me()).status).toBe(503);
    // Cut the held connection: the hub must count its request as finished.
    held.cut();
    await untilInFlight(0);
    const answer = await me();
    expect(answer.status).toBe(200);
    expect(answer.data?.me.id).toBe(officer.userId);
  });
});
