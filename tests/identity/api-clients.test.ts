import { createHash } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const CREATE = `mutation ($input: CreateApiClientInput!) {
  createApiClient(input: $input) { clientSecret apiClient { id clientId name department { id } revokedAt } }
}`;
const ROTATE = 'mutation ($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret apiClient { secretRotatedAt } } }';
const REVOKE = 'mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }';
const ISSUE = `mutation ($clientId: String!, $clientSecret: String!) {
  issueAccessToken(clientId: $clientId, clientSecret: $clientSecret) { accessToken tokenType expiresAt }
}`;
const DEPARTMENTS = '{ departments { code } }';

let adminToken: string;
let officerToken: string;
let housingId: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  housingId = (await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: region.code })).id;
  for (const role of ['ADMIN', 'VERIFICATION_OFFICER'] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    const token = await hub.logIn(user.username, password);
    if (role === 'ADMIN') adminToken = token;
    else officerToken = token;
  }
});

interface Created {
  id: string;
  clientId: string;
  clientSecret: string;
}

async function createClient(name = '住建局保障房审核系统'): Promise<Created> {
  const answer = await hub.graphql<{ createApiClient: { clientSecret: string; apiClient: Created } }>(CREATE, {
    variables: { input: { departmentId: housingId, name } },
    token: adminToken,
  });
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  const { clientSecret, apiClient } = answer.data.createApiClient;
  return { ...apiClient, clientSecret };
}

async function exchange(clientId: string, clientSecret: string) {
  return hub.graphql<{ issueAccessToken: { accessToken: string; tokenType: string; expiresAt: string } }>(ISSUE, {
    variables: { clientId, clientSecret },
  });
}

async function tokenFor(client: Created): Promise<string> {
  const answer = await exchange(client.clientId, client.clientSecret);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data.issueAccessToken.accessToken;
}

function postToken(body: string | Record<string, string>, headers: Record<string, string> = {}) {
  const form = typeof body === 'string';
  return fetch(`${hub.url}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...headers,
    },
    body: form ? body : JSON.stringify(body),
  });
}

const refusal = (answer: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.map(({ message, extensions }) => ({ message, extensions }));

describe('API clients of partner departments', () => {
  it('issues a client id and a secret once, and lists the client without its secret', async () => {
    const client = await createClient();
    expect(client.clientId).toMatch(/^hc_[0-9a-f]{16}$/);
    expect(client.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await hub.graphql(
      'query ($id: ID!) { apiClients(departmentId: $id) { clientId name department { id } createdAt secretRotatedAt revokedAt lastUsedAt } }',
      { variables: { id: housingId }, token: adminToken },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.apiClients).toContainEqual(
      expect.objectContaining({ clientId: client.clientId, department: { id: housingId }, revokedAt: null }),
    );
    expect(JSON.stringify(listed)).not.toContain(client.clientSecret);
  });

  it('lives through exchange, rotation and revocation, over GraphQL and POST /oauth/token', async () => {
    const client = await createClient();
    const issued = await exchange(client.clientId, client.clientSecret);
    expect(issued.data?.issueAccessToken).toMatchObject({
      accessToken: expect.stringMatching(/^hat_[A-Za-z0-9_-]{43}$/),
      tokenType: 'Bearer',
    });
    const lifetime = Date.parse(issued.data?.issueAccessToken.expiresAt ?? '') - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    const graphqlToken = issued.data?.issueAccessToken.accessToken as string;

    const response = await postToken(
      `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const oauth = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(oauth).toEqual({ access_token: expect.stringMatching(/^hat_/), token_type: 'Bearer', expires_in: 900 });

    for (const token of [graphqlToken, oauth.access_token]) {
      const answer = await hub.graphql<{ departments: unknown[] }>(DEPARTMENTS, { token });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.departments.length).toBeGreaterThan(0);
    }

    const rotated = await hub.graphql<{ rotateApiClientSecret: { clientSecret: string } }>(ROTATE, {
      variables: { id: client.id },
      token: adminToken,
    });
    const newSecret = rotated.data?.rotateApiClientSecret.clientSecret as string;
    expect(newSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret).not.toBe(client.clientSecret);
    expect((await exchange(client.clientId, client.clientSecret)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    for (const token of [graphqlToken, oauth.access_token]) {
      expect((await hub.graphql(DEPARTMENTS, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const afterRotation = await tokenFor({ ...client, clientSecret: newSecret });
    expect((await hub.graphql(DEPARTMENTS, { token: afterRotation })).errors).toBeUndefined();

    const revoked = await hub.graphql<{ revokeApiClient: { revokedAt: string } }>(REVOKE, {
      variables: { id: client.id },
      token: adminToken,
    });
    expect(revoked.data?.revokeApiClient.revokedAt).toEqual(expect.any(String));
    expect((await hub.graphql(DEPARTMENTS, { token: afterRotation })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(refusal(await exchange(client.clientId, newSecret))).toEqual([
      { message: 'invalid client credentials', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CLIENT' } },
    ]);
    const oauthAfterRevocation = await postToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: newSecret,
    });
    expect(oauthAfterRevocation.status).toBe(401);
  });

  it('answers a wrong secret, an unknown client and a revoked client identically', async () => {
    const client = await createClient();
    const revokedClient = await createClient();
    await hub.graphql(REVOKE, { variables: { id: revokedClient.id }, token: adminToken });
    const answers = [
      await exchange(client.clientId, 'not-the-secret'),
      await exchange('hc_0000000000000000', client.clientSecret),
      await exchange(revokedClient.clientId, revokedClient.clientSecret),
    ];
    for (const answer of answers) {
      expect(answer.data).toBeNull();
      expect(refusal(answer)).toEqual([
        { message: 'invalid client credentials', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CLIENT' } },
      ]);
    }
  });

  it('stores the secret only as an argon2id hash and the token only as its SHA-256', async () => {
    const client = await createClient();
    const token = await tokenFor(client);
    const stored = await hub.prisma.apiClient.findUniqueOrThrow({
      where: { id: client.id },
      include: { tokens: true },
    });
    expect(stored.secretHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(stored.tokens.map((row) => row.tokenHash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    const connection = new pg.Client({ connectionString: db.url });
    await connection.connect();
    try {
      const { rows } = await connection.query(
        `SELECT (SELECT string_agg(c::text, ' ') FROM api_clients c) || (SELECT string_agg(t::text, ' ') FROM access_tokens t) AS dump`,
      );
      expect(rows[0].dump).not.toContain(client.clientSecret);
      expect(rows[0].dump).not.toContain(token.slice(4));
    } finally {
      await connection.end();
    }
  });

  it('refuses an expired access token', async () => {
    const client = await createClient();
    const token = await tokenFor(client);
    await hub.prisma.accessToken.updateMany({
      where: { apiClientId: client.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await hub.graphql(DEPARTMENTS, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records when a client was last used, writing at most once a minute', async () => {
    const client = await createClient();
    const token = await tokenFor(client);
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await hub.prisma.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: thirtySecondsAgo } });
    await hub.graphql(DEPARTMENTS, { token });
    const unchanged = await hub.prisma.apiClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(unchanged.lastUsedAt).toEqual(thirtySecondsAgo);

    // A minute later the hub would have looked the token up afresh (it keeps a holder for at most a minute); a new
    // token stands for that here, since this write of last_used_at, like the hub's own, does not make it forget.
    const later = await tokenFor(client);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await hub.prisma.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: twoMinutesAgo } });
    await hub.graphql(DEPARTMENTS, { token: later });
    const touched = await hub.prisma.apiClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(touched.lastUsedAt?.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('lets only administrators manage clients: FORBIDDEN for others, UNAUTHENTICATED for anonymous callers', async () => {
    const client = await createClient();
    const clientToken = await tokenFor(client);
    const variables = { input: { departmentId: housingId, name: 'x' } };
    for (const [token, code] of [
      [officerToken, 'FORBIDDEN'],
      [clientToken, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await hub.graphql(CREATE, { variables, token })).errors?.[0]?.extensions?.code).toBe(code);
      const listing = await hub.graphql('query ($id: ID!) { apiClients(departmentId: $id) { id } }', {
        variables: { id: housingId },
        token,
      });
      expect(listing.errors?.[0]?.extensions?.code).toBe(code);
    }
  });

  it('refuses a client for an unknown department and without a name', async () => {
    const unknown = await hub.graphql(CREATE, {
      variables: { input: { departmentId: '00000000-0000-0000-0000-000000000000', name: 'x' } },
      token: adminToken,
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_DEPARTMENT' });
    const blank = await hub.graphql(CREATE, {
      variables: { input: { departmentId: housingId, name: '  ' } },
      token: adminToken,
    });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BLANK_VALUE' });
  });
});

describe('POST /oauth/token', () => {
  it('accepts JSON and HTTP Basic client authentication', async () => {
    const client = await createClient();
    const json = await postToken({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(json.status).toBe(200);
    const basic = await postToken('grant_type=client_credentials', {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
    });
    expect(basic.status).toBe(200);
    expect(((await basic.json()) as { token_type: string }).token_type).toBe('Bearer');
  });

  it('answers malformed, unsupported and unauthenticated requests with the OAuth error codes', async () => {
    const client = await createClient();
    const cases: [string | Record<string, string>, number, string][] = [
      [{ client_id: client.clientId, client_secret: client.clientSecret }, 400, 'invalid_request'],
      ['grant_type=client_credentials', 400, 'invalid_request'],
      [`grant_type=password&client_id=${client.clientId}`, 400, 'unsupported_grant_type'],
      [`grant_type=client_credentials&client_id=${client.clientId}&client_secret=wrong`, 401, 'invalid_client'],
      ['grant_type=client_credentials&client_id=hc_0000000000000000&client_secret=wrong', 401, 'invalid_client'],
    ];
    for (const [body, status, error] of cases) {
      const response = await postToken(body);
      expect({ status: response.status, error: ((await response.json()) as { error: string }).error }).toEqual({
        status,
        error,
      });
    }
  });
});
