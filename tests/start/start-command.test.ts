import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@hub/server/database/embedded-database';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';
import { type HubProcess, startHubProcess } from '../support/hub-process.ts';

async function graphql(url: string, query: string, variables: object = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-purpose': 'PERIODIC_REVIEW',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

async function logIn(url: string, password: string): Promise<string> {
  const result = await graphql(
    url,
    'mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { token } }',
    {
      u: 'admin',
      p: password,
    },
  );
  const token = (result.data?.logIn as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(result)}`);
  return token;
}

const PERSON_QUERY = `query($id: String!) { person(idNumber: $id) {
  name household { members { idNumber } } hukou { status } bankAccounts { balanceFen } wealthProducts { marketValueFen provenance { department { code } } }
} }`;

describe('hub start', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'hub-start-'));
  // mkdtemp makes it private; as root the embedded server runs as another OS user, who must be able to enter it.
  chmodSync(dataDirectory, 0o755);
  let hub: HubProcess | undefined;
  afterAll(async () => {
    await hub?.stop('SIGKILL');
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  // Two starts of a hub with the demo region: well under a minute on an idle machine, several when it is busy.
  it('starts an embedded database with the demo region, serves API, health and portal, and keeps its data across a restart', {
    timeout: 300_000,
  }, async () => {
    const port = String(await findFreePort());
    const args = ['start', '--port', port, '--data-dir', dataDirectory, '--demo-persons', '300'];
    hub = await startHubProcess(args);
    expect(hub.output()).toContain('seeding the demo region');

    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${hub.url}/readyz`)).status).toBe(200);
    const portal = await fetch(`${hub.url}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('核对');

    const anonymous = await graphql(hub.url, '{ households(first: 1) { edges { node { id } } } }');
    expect(anonymous.data?.households ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const password = readFileSync(join(dataDirectory, 'initial-admin-password'), 'utf8').trim();
    const manifest = JSON.parse(readFileSync(join(dataDirectory, 'demo-manifest.json'), 'utf8'));
    // A recipient whose deposits or wealth products were planted over the limit: the centre's demo agreements and the household's
    // authorisation let the administrator see the bank's records.
    const planted = manifest.plantedCases.find((c: { kind: string }) => c.kind === 'DEPOSITS_OVER_LIMIT');
    expect(planted).toBeDefined();
    const token = await logIn(hub.url, password);
    const household = await graphql(
      hub.url,
      'query($id: ID!) { household(id: $id) { members { id idNumber } } }',
      { id: planted.householdId },
      token,
    );
    const members = (household.data as { household: { members: { id: string; idNumber: string }[] } }).household
      .members;
    const idNumber = members.find((member) => member.id === planted.personId)?.idNumber;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    const before = await graphql(hub.url, PERSON_QUERY, { id: idNumber }, token);
    expect(before.errors).toBeUndefined();
    const person = (before.data as { person: { bankAccounts: unknown[]; wealthProducts: unknown[]; hukou: unknown[] } })
      .person;
    expect(person.bankAccounts.length + person.wealthProducts.length).toBeGreaterThan(0);
    expect(person.hukou.length).toBeGreaterThan(0);

    expect(await hub.stop('SIGTERM')).toBe(0);
    expect(hub.output()).toContain('stopped');

    hub = await startHubProcess(args);
    expect(hub.output()).not.toContain('seeding the demo region');
    const again = await logIn(hub.url, password);
    expect(await graphql(hub.url, PERSON_QUERY, { id: idNumber }, again)).toEqual(before);
    expect(await hub.stop('SIGINT')).toBe(0);
  });

  it('uses the PostgreSQL at DATABASE_URL instead, migrating it and seeding nothing unasked', async () => {
    const db = await createTestDatabase({ empty: true });
    const other = await startHubProcess(['start', '--port', String(await findFreePort())], { DATABASE_URL: db.url });
    try {
      expect(other.output()).toContain('using the PostgreSQL at DATABASE_URL');
      expect(other.output()).toContain('applied migrations');
      expect(other.output()).not.toContain('seeding');
      expect((await fetch(`${other.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await other.stop('SIGTERM')).toBe(0);
    }
  });
});
