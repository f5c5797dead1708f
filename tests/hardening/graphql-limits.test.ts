import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
// The production defaults, except an upload limit small enough to test.
const UPLOAD_LIMIT = 2_000;
const hub = await startTestApp(db.url, { limits: { uploadLimitBytes: UPLOAD_LIMIT } });

let token: string;
let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;

beforeAll(async () => {
  const regionCode = (await createRegion(hub.prisma)).code;
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  const { user, password } = await createUser(hub.prisma, {
    role: 'VERIFICATION_OFFICER',
    departmentId: department.id,
  });
  token = await hub.logIn(user.username, password);
  delivering = await createDeliveringBank(hub.prisma, { regionCode, persons: 2 });
});

const nested = (levels: number) =>
  `{ ${'person(idNumber: "x") { household { members { '.repeat(1)}${'household { members { '.repeat(levels)}name${' } }'.repeat(levels)} } } } }`;

describe('GraphQL operation limits', () => {
  it('answers the deepest legitimate operation and the full introspection query', async () => {
    // person → household → members → household → members → name: depth 6; the suite's deepest is 7.
    const legitimate = await hub.graphql(nested(1), { token });
    expect(legitimate.status).toBe(200);
    expect(legitimate.errors?.map((error) => error.extensions?.code) ?? []).not.toContain('QUERY_TOO_DEEP');
    const introspection = await hub.graphql(getIntrospectionQuery({ descriptions: true }), { token });
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data).toHaveProperty('__schema.queryType.name', 'Query');
  });

  it('refuses an operation nested too deep with 400 QUERY_TOO_DEEP, before it runs', async () => {
    const answer = await hub.graphql(nested(4), { token });
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP' });
    expect(answer.errors?.[0]?.message).toMatch(/depth limit of 8 exceeded, found 12/);
  });

  it('refuses an alias flood with 400 TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const answer = await hub.graphql(`{ ${aliases} }`, { token });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_ALIASES' });
    const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect((await hub.graphql(`{ ${fifteen} }`, { token })).errors).toBeUndefined();
  });

  it('refuses a document of too many tokens with 400 TOO_MANY_TOKENS', async () => {
    const answer = await hub.graphql(`{ me { ${'id '.repeat(1_000)}} }`, { token });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_TOKENS' });
  });

  it('refuses an operation too costly with 400 QUERY_TOO_COSTLY', async () => {
    // Shallow and alias-free, but 40 wide lists under lists: the cost grows with the depth it repeats at.
    const fields = 'id name idNumber birthDate sex relation';
    const wide = `{ households(first: 50) { edges { node { members { ${fields} household { members { ${fields} household { id } } } } } } } }`;
    const answer = await hub.graphql(wide.replace(/ id name/g, ` id name ${'name '.repeat(40)}`), { token });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY' });
  });

  it('refuses a batch of operations (an array body) with 400', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });
});

describe('request body limits', () => {
  it('refuses a /graphql body over 100 KiB with 413', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(101 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it('gives snapshot uploads their own limit: 413 UPLOAD_TOO_LARGE, declared or streamed, nothing published', async () => {
    const large = depositFile(delivering.persons.map((person) => person.idNumber)).padEnd(UPLOAD_LIMIT + 1, '\n');
    const declared = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: large });
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe('UPLOAD_TOO_LARGE');
    const bytes = new TextEncoder().encode(large);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 500) controller.enqueue(bytes.slice(at, at + 500));
        controller.close();
      },
    });
    const streamed = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: chunked });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error?.code).toBe('UPLOAD_TOO_LARGE');
    // The declared one was refused before reading; the streamed one is kept as a FAILED delivery, nothing published.
    const snapshots = await hub.prisma.datasetSnapshot.findMany({ where: { departmentId: delivering.bank.id } });
    expect(snapshots.map((snapshot) => [snapshot.status, snapshot.statusReason?.slice(0, 16)])).toEqual([
      ['FAILED', 'UPLOAD_TOO_LARGE'],
    ]);
    const small = depositFile(delivering.persons.map((person) => person.idNumber));
    expect(small.length).toBeLessThan(UPLOAD_LIMIT);
    expect((await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: small })).status).toBe(
      201,
    );
  });
});
