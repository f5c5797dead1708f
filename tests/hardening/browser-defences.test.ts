import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const PORTAL_ORIGIN = 'https://portal.example.org';
const hub = await startTestApp(db.url, { limits: { corsOrigins: [PORTAL_ORIGIN] } });

// Were it run, a failed log-in would be counted (log_in_throttles).
const LOG_IN = 'mutation { logIn(username: "csrf-victim", password: "guess") { token } }';

beforeAll(async () => {
  const regionCode = (await createRegion(hub.prisma)).code;
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  await createUser(hub.prisma, { role: 'ADMIN', departmentId: department.id, username: 'csrf-victim' });
});

describe('CSRF: a browser cannot make a simple request that reaches a resolver', () => {
  it('refuses a text/plain POST and a form POST to /graphql', async () => {
    const plain = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: LOG_IN }),
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/CSRF/);
    const form = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: LOG_IN }).toString(),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect(await hub.prisma.logInThrottle.count({ where: { username: 'csrf-victim' } })).toBe(0);
  });

  it('refuses a GET without a preflight header, and a mutation over GET even with one', async () => {
    const url = `${hub.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const mutation = await fetch(`${hub.url}/graphql?query=${encodeURIComponent(LOG_IN)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
    expect(await hub.prisma.logInThrottle.count({ where: { username: 'csrf-victim' } })).toBe(0);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${hub.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it('allows a configured origin, without credentials', async () => {
    const response = await preflight(PORTAL_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives a foreign origin no allow header, on a preflight or a plain request', async () => {
    const response = await preflight('https://evil.example.com');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await hub.graphql('{ me { id } }', { headers: { origin: 'https://evil.example.com' } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no origin at all by default (same origin only)', async () => {
    const bare = await startTestApp(db.url, { limits: { corsOrigins: [] } });
    const response = await fetch(`${bare.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: PORTAL_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends a strict CSP, no framing and no sniffing on the portal and on /graphql', async () => {
    const portal = await fetch(`${hub.url}/`);
    const api = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    for (const response of [portal, api]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      // Not served over TLS here: no HSTS unless HUB_HSTS=true.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS when configured to, for a hub behind TLS', async () => {
    const tls = await startTestApp(db.url, { limits: { hsts: true } });
    const response = await fetch(`${tls.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });
});
