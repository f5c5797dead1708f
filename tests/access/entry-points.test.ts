import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schema } from '@hub/schema';
import { type GraphQLField, type GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GraphqlAnswer, startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import {
  type FieldRow,
  MUTATION_FIELDS,
  type Outcome,
  QUERY_FIELDS,
  type Request,
  ROUTES,
  type RouteRow,
} from './entry-point-table.ts';
import { createEntryPointWorld, type EntryPointWorld, VIEWERS, type ViewerName } from './entry-point-world.ts';

// Issue 13, point 6: every root field and every HTTP route of the running app, tried as six viewers. The entry
// points come from the app itself; a new one without a row in entry-point-table.ts fails here, naming it.

const db = await createTestDatabase();
const hub = await startTestApp(db.url, {
  // Every route the hub can have: /metrics and /audit/checkpoints exist only with their tokens.
  limits: { metricsToken: 'scraper-token', rateLimitMax: 0 },
  auditCheckpoints: {
    file: join(mkdtempSync(join(tmpdir(), 'hub-checkpoints-')), 'checkpoints.ndjson'),
    privateKey: generateKeyPairSync('ed25519').privateKey,
    everyEntries: 1_000,
    everyMilliseconds: 3_600_000,
    witnessToken: 'witness-token',
  },
});
let world: EntryPointWorld;
beforeAll(async () => {
  world = await createEntryPointWorld(hub.prisma, hub);
});

/** Every route as `METHOD /path` (HEAD goes with GET), read from the router's own tree. */
function appRoutes(): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of hub.http.app.printRoutes().split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match?.[2] || match[2].startsWith('(empty')) continue;
    const depth = (match[1] ?? '').length / 4;
    paths[depth] = (depth > 0 ? (paths[depth - 1] ?? '') : '') + match[2];
    paths.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${paths[depth]}`);
    }
  }
  return routes;
}

const rootFields = (type: GraphQLObjectType | null | undefined) => Object.values(type?.getFields() ?? {});

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  if (!fields.edges) return '{ __typename }';
  return `{ ${fields.totalCount ? 'totalCount ' : ''}edges { node { __typename } } }`;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, row: FieldRow, vars: object) {
  const args = field.args.filter((arg) => arg.name in vars);
  const declared = args.length ? `(${args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const passed = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  return `${kind} ${declared} { ${field.name}${passed} ${row.selection ?? selectionOf(field)} }`;
}

/** The answer without what differs by the subject's own name: the ids and numbers it was asked with. */
function normalised(answer: unknown, vars: object): string {
  let text = JSON.stringify(answer);
  const values = JSON.stringify(vars).match(/"[^"]{6,}"/g) ?? [];
  for (const value of values) text = text.replaceAll(value.slice(1, -1), '<subject>');
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
}

const strip = ({ data, errors }: GraphqlAnswer) => ({
  data,
  errors: errors?.map(({ message, path, extensions }) => ({ message, path, extensions })),
});

async function ask(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  row: FieldRow,
  viewer: ViewerName,
) {
  const { existing, missing } = row.vars?.(world, viewer) ?? { existing: {} };
  const caller = world.callers[viewer];
  const send = async (variables: object) =>
    strip(await hub.graphql(operationFor(kind, field, row, variables), { ...caller, variables: { ...variables } }));
  const first = await send(existing);
  return {
    existing: first,
    normalisedExisting: normalised(first, existing),
    normalisedMissing: missing ? normalised(await send(missing), missing) : undefined,
  };
}

function expectField(name: string, outcome: Outcome, answer: Awaited<ReturnType<typeof ask>>) {
  const codes = answer.existing.errors?.map((error) => error.extensions?.code) ?? [];
  const value = (answer.existing.data as Record<string, unknown> | null | undefined)?.[name] ?? null;
  if (outcome === 'UNAUTHENTICATED' || outcome === 'FORBIDDEN') {
    expect(value).toBeNull();
    expect(codes).toContain(outcome);
  }
  if (outcome === 'ANSWERED') expect(codes).not.toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'FORBIDDEN']));
  if (outcome === 'HIDDEN')
    expect(answer.normalisedMissing, 'HIDDEN needs a subject the hub does not hold').toBeDefined();
  if (outcome !== 'ANSWERED' && answer.normalisedMissing !== undefined) {
    expect(answer.normalisedExisting).toEqual(answer.normalisedMissing);
  }
}

async function fetchRoute(request: Request, viewer: ViewerName) {
  const token = world.callers[viewer].token;
  const response = await fetch(`${hub.url}${request.path}`, {
    method: request.method ?? 'GET',
    body: request.body,
    headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = await response.text();
  return { status: response.status, body };
}

function expectRoute(outcome: Outcome, existing: { status: number }, same: boolean | undefined) {
  if (outcome === 'UNAUTHENTICATED') expect(existing.status).toBe(401);
  if (outcome === 'FORBIDDEN') expect(existing.status).toBe(403);
  if (outcome === 'ANSWERED') expect([401, 403]).not.toContain(existing.status);
  if (outcome === 'HIDDEN') expect(same, 'HIDDEN needs a subject the hub does not hold').toBeDefined();
  if (outcome !== 'ANSWERED' && same !== undefined) expect(same).toBe(true);
}

describe('every HTTP route', () => {
  it('has a row in the table, and the table no row for a route that is gone', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(
      routes.filter((route) => !ROUTES[route]),
      'routes with no row in entry-point-table.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((route) => !routes.includes(route)),
      'rows for no route',
    ).toEqual([]);
  });
  it.each(Object.entries(ROUTES))('%s gives each viewer its entitlement only', async (route, row: RouteRow) => {
    const { existing, missing } = row.request(world);
    const failures: string[] = [];
    for (const viewer of VIEWERS) {
      const first = await fetchRoute(existing, viewer);
      const second = missing && (await fetchRoute(missing, viewer));
      const same = second && normalised(first, existing) === normalised(second, missing);
      try {
        expectRoute(row.expect[viewer], first, same);
      } catch (error) {
        failures.push(
          `${viewer} (expected ${row.expect[viewer]}): ${(error as Error).message} ${JSON.stringify([first, second]).slice(0, 600)}`,
        );
      }
    }
    expect(failures, route).toEqual([]);
  });
});

// The routes first: the last root field, logOut, ends the users' sessions.
describe.each([
  ['query', schema.getQueryType(), QUERY_FIELDS],
  ['mutation', schema.getMutationType(), MUTATION_FIELDS],
] as const)('every root %s field', (kind, type, table) => {
  const fields = rootFields(type);
  it('has a row in the table, and the table no row for a field that is gone', () => {
    const names = fields.map((field) => field.name);
    expect(
      names.filter((name) => !table[name]),
      `root ${kind} fields with no row in entry-point-table.ts`,
    ).toEqual([]);
    expect(
      Object.keys(table).filter((name) => !names.includes(name)),
      'rows for no field',
    ).toEqual([]);
  });
  const ordered = [...fields].sort(
    (a, b) => Number(table[a.name]?.last ?? false) - Number(table[b.name]?.last ?? false),
  );
  it.each(ordered.map((field) => [field.name, field] as const))(
    '%s gives each viewer its entitlement only',
    async (name, field) => {
      const row = table[name];
      if (!row) throw new Error(`${kind} field ${name} has no row in entry-point-table.ts`);
      const failures: string[] = [];
      for (const viewer of VIEWERS) {
        const answer = await ask(kind, field, row, viewer);
        try {
          expectField(name, row.expect[viewer], answer);
        } catch (error) {
          failures.push(
            `${viewer} (expected ${row.expect[viewer]}): ${(error as Error).message} ${JSON.stringify(answer)}`,
          );
        }
      }
      expect(failures, `${kind} ${name}`).toEqual([]);
    },
  );
});
