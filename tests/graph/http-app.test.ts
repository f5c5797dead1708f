import { createHttpApp } from '@hub/server/http/create-http-app';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

describe('the HTTP app', () => {
  it('answers /healthz while the process is alive', async () => {
    const response = await fetch(`${hub.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('echoes the caller’s x-request-id, and makes one up for a caller without', async () => {
    const echoed = await fetch(`${hub.url}/healthz`, { headers: { 'x-request-id': 'case-2024-0042' } });
    expect(echoed.headers.get('x-request-id')).toBe('case-2024-0042');
    const made = await hub.graphql('{ me { id } }');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await fetch(`${hub.url}/healthz`, { headers: { 'x-request-id': 'two words<script>' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the portal at /, and its page for any other page path, but a 404 for an unknown API path', async () => {
    const response = await fetch(`${hub.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('居民家庭经济状况核对平台');
    expect(page).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
    expect(page).not.toMatch(/(src|href)="https?:/);
    const deepLink = await fetch(`${hub.url}/SharingAgreement/create`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(page);
    const unknownApi = await fetch(`${hub.url}/datasets/nothing-here`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toContain('application/json');
    const missingAsset = await fetch(`${hub.url}/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
  });

  it('shows a browser at /graphql a local page that loads nothing from elsewhere', async () => {
    const response = await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('logIn');
    expect(page).not.toMatch(/(src|href)="https?:|cdn\./);
  });

  it('answers GraphQL over GET as well as POST, and closes introspection to anonymous callers', async () => {
    const get = (query: string) =>
      fetch(`${hub.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
    const response = await get('{ me { id } }');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: null } });
    const introspection = (await (await get('{ __schema { queryType { name } } }')).json()) as {
      errors: { extensions: unknown }[];
    };
    expect(introspection.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('sends no stack traces outside development', async () => {
    const answer = await hub.graphql('{ person(idNumber: "123") { name } }');
    expect(JSON.stringify(answer.errors)).not.toContain('stacktrace');
  });
});

describe('/readyz', () => {
  it('is ready while the database answers, and 503 with a reason once it does not', async () => {
    const own = await createTestDatabase();
    const app = await createHttpApp({ databaseUrl: own.url });
    const url = await app.listen(0, '127.0.0.1');
    try {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      const admin = new pg.Client({ connectionString: inject('databaseAdminUrl') });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${own.name} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [own.name]);
      await admin.end();

      const started = Date.now();
      const unready = await fetch(`${url}/readyz`);
      expect(unready.status).toBe(503);
      expect(await unready.json()).toEqual({ status: 'unavailable', reason: expect.stringContaining('SELECT 1') });
      expect(Date.now() - started).toBeLessThan(2500);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('is 503 when the database cannot be reached at all', async () => {
    const app = await createHttpApp({ databaseUrl: 'postgresql://nobody:secret@127.0.0.1:9/nowhere' });
    const url = await app.listen(0, '127.0.0.1');
    try {
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
    } finally {
      await app.close();
    }
  });
});

describe('close()', () => {
  it('lets an in-flight request finish before it closes, and then refuses new connections', async () => {
    const own = await createTestDatabase();
    const app = await createHttpApp({ databaseUrl: own.url });
    let started: () => void = () => {};
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    app.app.get('/slow', async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { finished: true };
    });
    const url = await app.listen(0, '127.0.0.1');
    const inFlight = fetch(`${url}/slow`).then((response) => response.json());
    await handlerStarted;
    await app.close();
    expect(await inFlight).toEqual({ finished: true });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
