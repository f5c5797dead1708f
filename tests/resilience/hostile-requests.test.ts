import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';
import { ADMIN, loadDemoRegion } from './support/demo-region.ts';
import { errorCodes, type GraphqlAnswer, logIn, postGraphql } from './support/graphql-client.ts';
import { HOSTILE_STRINGS, randomDocuments, randomValues, WRONG_TYPE_VALUES } from './support/hostile-values.ts';
import { type HubServer, startHubServer } from './support/hub-processes.ts';

// Over two thousand malformed and hostile requests at a real hub process: every argument of every field that
// introspection shows an administrator and a partner client, filled with injections, broken characters, floods
// and wrong types; documents built to exhaust the parser and the executor; broken bodies and media types; and
// random ones from fast-check. Each must get a clear refusal (4xx, or a GraphQL error that is not an internal
// one), and the hub must still be up afterwards.

const REQUESTS = 2_000;
const CONCURRENCY = 8;
const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
// Logging out would end the session the rest of the requests are made with.
const SKIPPED_FIELDS = new Set(['logOut']);

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface FullType {
  kind: string;
  name: string;
  enumValues: { name: string }[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  fields: { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }[] | null;
}
interface Attack {
  description: string;
  send(): Promise<GraphqlAnswer>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name enumValues { name }
  inputFields { name type { ${TYPE_REF} } } fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`;

const database = await createTestDatabase();
let hub: HubServer;
let callers: { name: string; token: string }[];

beforeAll(async () => {
  const demo = await loadDemoRegion(database.url, { persons: 300 });
  hub = await startHubServer(database.url);
  callers = [
    { name: 'admin', token: await logIn(hub.url, ADMIN.username, ADMIN.password) },
    { name: 'partner', token: demo.partnerToken },
  ];
});
afterAll(() => hub?.stop());

function typeString(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeString(ref.ofType as TypeRef)}!`;
  if (ref.kind === 'LIST') return `[${typeString(ref.ofType as TypeRef)}]`;
  return ref.name as string;
}
function namedType(ref: TypeRef): TypeRef {
  return ref.ofType ? namedType(ref.ofType) : ref;
}

/** What a caller's introspection shows: root fields with their arguments, and a value generator for each. */
function schemaModel(types: FullType[]) {
  const byName = new Map(types.map((type) => [type.name, type]));
  const plausible = (ref: TypeRef, depth = 0): unknown => {
    if (ref.kind === 'NON_NULL') return plausible(ref.ofType as TypeRef, depth);
    if (ref.kind === 'LIST') return [plausible(ref.ofType as TypeRef, depth)];
    const type = byName.get(ref.name as string);
    if (type?.kind === 'ENUM') return type.enumValues?.[0]?.name;
    if (type?.kind === 'INPUT_OBJECT') {
      if (depth > 3) return {};
      return Object.fromEntries(
        (type.inputFields ?? []).map((field) => [field.name, plausible(field.type, depth + 1)]),
      );
    }
    return (
      { ID: randomUUID(), Int: 1, Float: 1.5, Boolean: true, Date: '2026-01-01', DateTime: '2026-01-01T00:00:00Z' }[
        ref.name as string
      ] ?? 'x'
    );
  };
  // Paths to every leaf of an argument's value: the argument itself, or each field of an input object, nested.
  const leaves = (ref: TypeRef, path: (string | number)[] = [], depth = 0): (string | number)[][] => {
    const named = namedType(ref);
    const type = byName.get(named.name as string);
    const listed = ref.kind === 'LIST' || (ref.kind === 'NON_NULL' && ref.ofType?.kind === 'LIST');
    if (type?.kind !== 'INPUT_OBJECT' || depth > 3) return [path];
    const prefix = listed ? [...path, 0] : path;
    return [
      path,
      ...(type.inputFields ?? []).flatMap((field) => leaves(field.type, [...prefix, field.name], depth + 1)),
    ];
  };
  return { byName, plausible, leaves };
}

function withValueAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = withValueAt(copy[head], rest, value);
  return copy;
}

/** Every argument leaf of every root field gets a share of the hostile values; the rest of the arguments are plausible. */
function argumentAttacks(caller: { name: string; token: string }, types: FullType[], budget: number): Attack[] {
  const { byName, plausible, leaves } = schemaModel(types);
  const targets: {
    operation: string;
    field: NonNullable<FullType['fields']>[number];
    arg: string;
    path: (string | number)[];
  }[] = [];
  for (const [operation, root] of [
    ['query', byName.get('Query')],
    ['mutation', byName.get('Mutation')],
  ] as const) {
    for (const field of root?.fields ?? []) {
      if (SKIPPED_FIELDS.has(field.name) || field.name.startsWith('__')) continue;
      for (const arg of field.args)
        for (const path of leaves(arg.type)) targets.push({ operation, field, arg: arg.name, path });
    }
  }
  const values: unknown[] = [...HOSTILE_STRINGS, ...WRONG_TYPE_VALUES];
  // The first few values (injections, NUL, broken surrogates, a megabyte) go to every leaf; the rest in turn.
  const core = [1, 11, 14, HOSTILE_STRINGS.length - 2, HOSTILE_STRINGS.length + 9];
  const perTarget = Math.max(core.length, Math.floor(budget / Math.max(targets.length, 1)));
  return targets.flatMap((target, t) =>
    Array.from({ length: perTarget }, (_, k) => {
      const value = values[k < core.length ? (core[k] as number) : (t * perTarget + k) % values.length];
      const variables = Object.fromEntries(target.field.args.map((arg) => [arg.name, plausible(arg.type)]));
      variables[target.arg] = withValueAt(variables[target.arg], target.path, value);
      const declared = target.field.args.map((arg) => `$${arg.name}: ${typeString(arg.type)}`).join(', ');
      const passed = target.field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(namedType(target.field.type).kind)
        ? ' { __typename }'
        : '';
      // Half are sent as a literal in the document instead of a variable, where the value is a plain string.
      const inline = k % 2 === 1 && typeof value === 'string' && target.path.length === 0;
      const query = inline
        ? `${target.operation} { ${target.field.name}(${target.arg}: ${JSON.stringify(value)}) ${selection} }`
        : `${target.operation} (${declared}) { ${target.field.name}(${passed})${selection} }`;
      const shown =
        typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : JSON.stringify(value)?.slice(0, 40);
      return {
        description: `${caller.name} ${target.field.name}(${target.arg}${target.path.map((p) => `.${p}`).join('')} = ${shown}${inline ? ', inline' : ''})`,
        send: () => postGraphql(hub.url, { query, variables }, { token: caller.token, purpose: PURPOSE }),
      };
    }),
  );
}

/** Documents built to exhaust the parser, the validator or the executor. */
function documentAttacks(token: string): Attack[] {
  const nested = (depth: number, field: string) => `${`{ ${field} `.repeat(depth)}${'}'.repeat(depth)}`;
  const documents: Record<string, string> = {
    'nesting 20 deep on real fields': `query { householdOf(idNumber: "1") ${`{ members { household `.repeat(20)}{ id }${' } }'.repeat(20)} }`,
    'selection sets 10,000 deep': nested(10_000, '__typename'),
    'selection sets 100,000 deep': nested(100_000, 'a'),
    'list literal 50,000 deep': `{ person(idNumber: ${'['.repeat(50_000)}${']'.repeat(50_000)}) { name } }`,
    'input object 20,000 deep': `{ person(idNumber: ${'{a:'.repeat(20_000)}1${'}'.repeat(20_000)}) { name } }`,
    '5,000 aliases of __typename': `{ ${Array.from({ length: 5_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    '500 aliases of a real field': `{ ${Array.from({ length: 500 }, (_, i) => `p${i}: person(idNumber: "${i}") { name }`).join(' ')} }`,
    '20 aliases of __schema': `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`,
    'fragment cycle': 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    'fragment fan-out 2^12': `query { ...F0 } ${Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { __typename ${i < 11 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ')}`,
    '1,000 directives': `{ __typename ${'@include(if: true) '.repeat(1_000)} }`,
    '1,000 variables declared': `query (${Array.from({ length: 1_000 }, (_, i) => `$v${i}: String`).join(', ')}) { __typename }`,
    '1,000 operations': Array.from({ length: 1_000 }, (_, i) => `query Q${i} { __typename }`).join(' '),
    'unterminated string': '{ person(idNumber: "abc) { name } }',
    'unknown field': '{ doesNotExist }',
    subscription: 'subscription { anything }',
    'introspection flood': `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`,
    'a 2 MB document': `{ __typename ${'# comment\n'.repeat(200_000)} }`,
    'NUL in the document': '{ __typename \u0000 }',
    'a number for a string literal': '{ person(idNumber: 110105) { name } }',
    'wrong operation name': { query: '{ __typename }', operationName: 'Nope' } as unknown as string,
  };
  return Object.entries(documents).map(([description, query]) => ({
    description: `document: ${description}`,
    send: () =>
      postGraphql(hub.url, typeof query === 'string' ? { query } : query, {
        token,
        purpose: PURPOSE,
        timeoutMs: 60_000,
      }),
  }));
}

/** Bodies that are not a GraphQL request at all. */
function transportAttacks(token: string): Attack[] {
  const invalidUtf8 = Buffer.concat([
    Buffer.from('{"query":"{ person(idNumber: \\"'),
    Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
    Buffer.from('\\") { name } }"}'),
  ]);
  const bodies: [string, string | Uint8Array, string][] = [
    ['empty body', '', 'application/json'],
    ['broken JSON', '{"query": "{ __typename }"', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['JSON number', '42', 'application/json'],
    ['JSON string', '"{ __typename }"', 'application/json'],
    ['an empty batch', '[]', 'application/json'],
    [
      'a batch of 1,000',
      JSON.stringify(Array.from({ length: 1_000 }, () => ({ query: '{ __typename }' }))),
      'application/json',
    ],
    ['query as a number', '{"query": 1}', 'application/json'],
    ['query as an object', '{"query": {"$where": "1"}}', 'application/json'],
    ['variables as a string', '{"query": "{ __typename }", "variables": "x"}', 'application/json'],
    ['extensions as an array', '{"query": "{ __typename }", "extensions": []}', 'application/json'],
    [
      'a persisted query hash',
      '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}}',
      'application/json',
    ],
    [
      '__proto__ keys',
      '{"__proto__": {"query": "{ __typename }"}, "constructor": {"prototype": {}}}',
      'application/json',
    ],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json'],
    ['invalid UTF-8', invalidUtf8, 'application/json'],
    ['invalid UTF-8 declared latin1', invalidUtf8, 'application/json; charset=latin1'],
    ['UTF-16 declared', '{"query": "{ __typename }"}', 'application/json; charset=utf-16'],
    [
      'a 2 MB body',
      JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(2_000_000) } }),
      'application/json',
    ],
    ['text/plain', '{ __typename }', 'text/plain'],
    ['form-encoded', 'query=%7B__typename%7D', 'application/x-www-form-urlencoded'],
    [
      'multipart',
      '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--b--',
      'multipart/form-data; boundary=b',
    ],
    ['XML', '<query>{ __typename }</query>', 'application/xml'],
    ['no media type', '{"query": "{ __typename }"}', ''],
    ['a broken media type', '{"query": "{ __typename }"}', ';;;/json'],
    ['graphql media type', '{ __typename }', 'application/graphql'],
  ];
  const posts: Attack[] = bodies.map(([description, body, contentType]) => ({
    description: `body: ${description}`,
    send: () => postGraphql(hub.url, body, { token, purpose: PURPOSE, contentType }),
  }));
  const raw = (description: string, init: RequestInit & { path?: string }): Attack => ({
    description,
    send: async () => {
      const started = performance.now();
      const response = await fetch(`${hub.url}${init.path ?? '/graphql'}`, {
        ...init,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let body: GraphqlAnswer['body'] = null;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, requestId: null, body, text, milliseconds: performance.now() - started };
    },
  });
  return [
    ...posts,
    raw('GET with a mutation', {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { logOut }')}`,
      headers: { 'apollo-require-preflight': '1' },
    }),
    raw('GET with broken variables', {
      method: 'GET',
      path: '/graphql?query=%7B__typename%7D&variables=%7B',
      headers: { 'apollo-require-preflight': '1' },
    }),
    raw('GET with a NUL', { method: 'GET', path: '/graphql?query=%00', headers: { 'apollo-require-preflight': '1' } }),
    raw('DELETE', { method: 'DELETE' }),
    raw('PATCH', { method: 'PATCH', body: '{}', headers: { 'content-type': 'application/json' } }),
    raw('a garbage bearer token', {
      method: 'POST',
      body: '{"query":"{ __typename }"}',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${"'; DROP TABLE sessions; --".repeat(100)}`,
      },
    }),
    raw('a basic authorization', {
      method: 'POST',
      body: '{"query":"{ __typename }"}',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
    }),
    raw('a hostile purpose', {
      method: 'POST',
      body: '{"query":"{ __typename }"}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-hub-purpose': "' OR 1=1 --" },
    }),
    raw('a hostile request id', {
      method: 'POST',
      body: '{"query":"{ __typename }"}',
      headers: { 'content-type': 'application/json', 'x-request-id': "../../etc/passwd'; DROP TABLE audit_entries" },
    }),
    raw('path traversal in the URL', { method: 'GET', path: '/..%2f..%2f..%2fetc%2fpasswd' }),
    raw('a traversal into the portal', { method: 'GET', path: '/%2e%2e/%2e%2e/package.json' }),
  ];
}

/** fast-check: random variables for random fields, and random documents. */
function randomAttacks(
  caller: { name: string; token: string },
  types: FullType[],
  count: number,
  seed: number,
): Attack[] {
  const { byName } = schemaModel(types);
  const fields = [...(byName.get('Query')?.fields ?? []), ...(byName.get('Mutation')?.fields ?? [])].filter(
    (field) => !SKIPPED_FIELDS.has(field.name) && field.args.length,
  );
  const values = randomValues(count, seed);
  const documents = randomDocuments(
    count,
    seed,
    fields.map((field) => field.name),
  );
  return values.map((value, i) => {
    if (i % 2 === 0) {
      return {
        description: `${caller.name} random document ${JSON.stringify(documents[i]).slice(0, 60)}`,
        send: () =>
          postGraphql(hub.url, { query: documents[i], variables: value }, { token: caller.token, purpose: PURPOSE }),
      };
    }
    const field = fields[i % fields.length] as (typeof fields)[number];
    const mutation = byName.get('Mutation')?.fields?.includes(field) ? 'mutation' : 'query';
    const declared = field.args.map((arg) => `$${arg.name}: ${typeString(arg.type)}`).join(', ');
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(namedType(field.type).kind) ? ' { __typename }' : '';
    const variables = Object.fromEntries(
      field.args.map((arg, a) => [arg.name, a === 0 ? value : randomValues(1, seed + i)[0]]),
    );
    return {
      description: `${caller.name} random ${field.name} ${JSON.stringify(variables).slice(0, 60)}`,
      send: () =>
        postGraphql(
          hub.url,
          { query: `${mutation} (${declared}) { ${field.name}(${passed})${selection} }`, variables },
          {
            token: caller.token,
            purpose: PURPOSE,
          },
        ),
    };
  });
}

/** A clear refusal or answer: anything but a 5xx, a non-JSON answer or an internal error. */
function problemWith(answer: GraphqlAnswer): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (!answer.body) return `HTTP ${answer.status} without a JSON body: ${answer.text.slice(0, 200)}`;
  if (errorCodes(answer).includes('INTERNAL_SERVER_ERROR'))
    return `INTERNAL_SERVER_ERROR: ${answer.text.slice(0, 200)}`;
  return null;
}

async function runAll(attacks: Attack[]): Promise<{ description: string; problem: string }[]> {
  const problems: { description: string; problem: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < attacks.length) {
        const attack = attacks[next++] as Attack;
        try {
          const problem = problemWith(await attack.send());
          if (problem) problems.push({ description: attack.description, problem });
        } catch (error) {
          problems.push({ description: attack.description, problem: `no answer: ${(error as Error).message}` });
        }
      }
    }),
  );
  return problems;
}

describe('a hub under malformed and hostile requests', () => {
  it('answers each of over two thousand with a clear refusal, never a 500, and stays up', async () => {
    const attacks: Attack[] = [];
    for (const [c, caller] of callers.entries()) {
      const introspected = await postGraphql(
        hub.url,
        { query: INTROSPECTION },
        { token: caller.token, purpose: PURPOSE },
      );
      const types = (introspected.body?.data?.__schema as { types: FullType[] } | undefined)?.types ?? [];
      expect(types.length, `${caller.name} introspection`).toBeGreaterThan(10);
      attacks.push(...argumentAttacks(caller, types, 800), ...randomAttacks(caller, types, 250, 1_000 + c));
      attacks.push(...documentAttacks(caller.token), ...transportAttacks(caller.token));
    }
    expect(attacks.length).toBeGreaterThanOrEqual(REQUESTS);

    const started = performance.now();
    const problems = await runAll(attacks);
    console.log(`${attacks.length} hostile requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(problems.slice(0, 20), `${problems.length} of ${attacks.length} requests went wrong`).toEqual([]);

    expect(hub.child.exitCode).toBeNull();
    const health = await fetch(`${hub.url}/healthz`);
    const ready = await fetch(`${hub.url}/readyz`);
    expect([health.status, ready.status]).toEqual([200, 200]);
    const answer = await postGraphql(hub.url, { query: '{ __typename }' });
    expect(answer.body?.data).toEqual({ __typename: 'Query' });
  });
});
