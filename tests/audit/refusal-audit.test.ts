import { randomUUID } from 'node:crypto';
import { userChangeActor } from '@hub/server/audit/change-actors';
import { createApiClient } from '@hub/server/identity/create-api-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Every request to the API leaves evidence, also when it is refused before any resolver or route handler runs.

const db = await createTestDatabase();
const hub = await startTestApp(db.url, { limits: { bodyLimitBytes: 4096 } });
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
afterAll(() => pool.end());

let partner: string;
let partnerClientId: string;
let partnerSecret: string;
let officer: string;

beforeAll(async () => {
  const { code: regionCode } = await createRegion(hub.prisma);
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  partner = await createPartnerToken(hub.prisma, department.id);
  const { user, password } = await createUser(hub.prisma, {
    role: 'VERIFICATION_OFFICER',
    departmentId: department.id,
  });
  officer = await hub.logIn(user.username, password);
  const { apiClient, clientSecret } = await createApiClient(
    hub.prisma,
    { departmentId: department.id, name: '住建系统' },
    user.id,
    userChangeActor(user, 'test set-up'),
  );
  partnerClientId = apiClient.clientId;
  partnerSecret = clientSecret;
});

interface Entry {
  actor_kind: string;
  actor_name: string;
  operation: string;
  decision: string;
}

/** Sends a request under a fresh request id and answers with its status and the audit entries written for it. */
async function send(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const requestId = randomUUID();
  const response = await fetch(`${hub.url}${path}`, {
    ...init,
    headers: { ...init.headers, 'x-request-id': requestId },
  });
  const body = await response.text();
  const { rows } = await pool.query<Entry>(
    'SELECT actor_kind, actor_name, operation, decision FROM audit_entries WHERE request_id = $1',
    [requestId],
  );
  return { status: response.status, body, entries: rows };
}

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('refusals before GraphQL runs are on record', () => {
  it.each([
    ['a batch array', { method: 'POST', headers: json, body: '[{"query":"{ me { id } }"}]' }, 400],
    ['a CSRF-refused text/plain POST', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }, 400],
    ['malformed JSON', { method: 'POST', headers: json, body: '{"query": ' }, 400],
    [
      'a body over the limit',
      { method: 'POST', headers: json, body: JSON.stringify({ query: 'x'.repeat(8000) }) },
      413,
    ],
    [
      'an unsupported media type',
      { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<q/>' },
      415,
    ],
  ] as const)('%s, with the caller named and DENIED', async (_name, init, status) => {
    const answer = await send('/graphql', { ...init, headers: { ...init.headers, ...bearer(officer) } });
    expect(answer.status).toBe(status);
    expect(answer.entries).toEqual([
      {
        actor_kind: 'USER',
        actor_name: expect.any(String),
        operation: `POST /graphql → ${status}`,
        decision: 'DENIED',
      },
    ]);
  });

  it('a CSRF-refused GET from an anonymous caller', async () => {
    const answer = await send(`/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(answer.status).toBe(400);
    expect(answer.entries).toMatchObject([
      { actor_kind: 'ANONYMOUS', operation: 'GET /graphql → 400', decision: 'DENIED' },
    ]);
  });

  it('still writes exactly one entry for a request GraphQL audits itself', async () => {
    const answer = await send('/graphql', {
      method: 'POST',
      headers: { ...json, ...bearer(officer) },
      body: '{"query":"query Me { me { id } }"}',
    });
    expect(answer.entries).toMatchObject([{ operation: 'Me', decision: 'ALLOWED' }]);
  });
});

describe('refused comparison and dataset requests are on record', () => {
  it('a report of a run outside reach, and an export without a token', async () => {
    const unknownRun = await send(`/comparisons/${randomUUID()}/assessments.csv`, { headers: bearer(officer) });
    expect(unknownRun.status).toBe(404);
    expect(unknownRun.entries).toMatchObject([
      { actor_kind: 'USER', operation: 'GET /comparisons/:runId/assessments.csv → 404', decision: 'DENIED' },
    ]);
    const anonymous = await send(`/comparisons/${randomUUID()}/assessments.csv`);
    expect(anonymous.entries).toMatchObject([{ actor_kind: 'ANONYMOUS', decision: 'DENIED' }]);
  });

  it('a delivery without a token and a rejects report of a snapshot that is not the caller own', async () => {
    const upload = await send('/datasets/BANK_DEPOSITS/snapshots?asOf=2026-11-30', {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b\n1,2\n',
    });
    expect(upload.status).toBe(401);
    expect(upload.entries).toMatchObject([
      { actor_kind: 'ANONYMOUS', operation: 'PUT /datasets/:dataset/snapshots → 401', decision: 'DENIED' },
    ]);
    const rejects = await send(`/datasets/snapshots/${randomUUID()}/rejects.csv`, { headers: bearer(partner) });
    expect(rejects.status).toBe(404);
    expect(rejects.entries).toMatchObject([
      { actor_kind: 'API_CLIENT', operation: 'GET /datasets/snapshots/:id/rejects.csv → 404', decision: 'DENIED' },
    ]);
  });
});

describe('every /oauth/token call is on record, never with the secret', () => {
  const exchange = (fields: Record<string, string>) =>
    send('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('an issued token, in the name of the client', async () => {
    const answer = await exchange({
      grant_type: 'client_credentials',
      client_id: partnerClientId,
      client_secret: partnerSecret,
    });
    expect(answer.status).toBe(200);
    expect(answer.entries).toEqual([
      {
        actor_kind: 'API_CLIENT',
        actor_name: partnerClientId,
        operation: `POST /oauth/token (client ${partnerClientId}: issued) → 200`,
        decision: 'ALLOWED',
      },
    ]);
    expect(JSON.stringify(answer.entries)).not.toContain(partnerSecret);
  });

  it('a wrong secret, an unknown grant and a malformed body', async () => {
    const wrong = await exchange({
      grant_type: 'client_credentials',
      client_id: partnerClientId,
      client_secret: 'a guessed secret',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.entries).toEqual([
      {
        actor_kind: 'ANONYMOUS',
        actor_name: 'anonymous',
        operation: `POST /oauth/token (client ${partnerClientId}: invalid_client) → 401`,
        decision: 'DENIED',
      },
    ]);
    expect(JSON.stringify(wrong.entries)).not.toContain('a guessed secret');
    const grant = await exchange({ grant_type: 'password' });
    expect(grant.entries).toMatchObject([{ operation: 'POST /oauth/token (unsupported_grant_type) → 400' }]);
    const malformed = await send('/oauth/token', { method: 'POST', headers: json, body: '{"grant_type":' });
    expect(malformed.status).toBe(400);
    expect(malformed.entries).toMatchObject([{ operation: 'POST /oauth/token → 400', decision: 'DENIED' }]);
  });
});
