import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const WINDOW_MS = 1_500;
const hub = await startTestApp(db.url, {
  limits: { rateLimitMax: 3, rateLimitWindowMs: WINDOW_MS, metricsToken: 'metrics-token-for-tests' },
});

let officer: string;
let otherOfficer: string;

beforeAll(async () => {
  const regionCode = (await createRegion(hub.prisma)).code;
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const first = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: department.id });
  const second = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: department.id });
  officer = await hub.logIn(first.user.username, first.password);
  otherOfficer = await hub.logIn(second.user.username, second.password);
});

const me = (token?: string) => hub.graphql('{ me { id } }', { token });
const nextWindow = () => new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));

describe('per-caller rate limits', () => {
  it('answers 429 with Retry-After past the limit, counts each caller apart, and recovers after the window', async () => {
    await nextWindow(); // the log-ins were anonymous requests: start with fresh counts
    for (let i = 0; i < 3; i++) expect((await me(officer)).status).toBe(200);
    const refused = await me(officer);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Another user, and anonymous callers (by IP address), have counts of their own.
    expect((await me(otherOfficer)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(429);
    // An invented token is anonymous: it buys no fresh allowance.
    expect((await me('A'.repeat(43))).status).toBe(429);
    // Probes are never limited.
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);

    await nextWindow();
    expect((await me(officer)).status).toBe(200);
  });

  it('counts the refusals in /metrics', async () => {
    const response = await fetch(`${hub.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-for-tests' },
    });
    const text = await response.text();
    expect(text).toMatch(/^hub_rate_limit_refusals_total\{caller="user"\} 1$/m);
    expect(text).toMatch(/^hub_rate_limit_refusals_total\{caller="ip"\} 2$/m);
  });
});
