import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// HOUSING holds 低保 status (DERIVED) and the masked identity (MASKED): its view of the schema is small, and no way
// of asking (fragments, aliases, nesting) and no error message may show it more.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let partner: string;
let admin: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: region.code });
  await createAgreement(hub.prisma, {
    consumerDepartmentId: housing.id,
    providerDepartmentId: civilAffairs.id,
    purposes: ['HOUSING_SUBSIDY'],
    items: { ASSISTANCE_STATUS: 'DERIVED', PERSON_IDENTITY: 'MASKED' },
  });
  partner = await createPartnerToken(hub.prisma, housing.id);
  const administrator = await createUser(hub.prisma, { role: 'ADMIN', departmentId: civilAffairs.id });
  admin = await hub.logIn(administrator.user.username, administrator.password);
});

type Types = { types: { name: string }[] };
const TYPES = '{ types { name } }';

async function typeNames(query: string, token?: string): Promise<string[]> {
  const answer = await hub.graphql<Record<string, Types>>(query, { token });
  expect(answer.errors).toBeUndefined();
  const schema = Object.values(answer.data ?? {})[0];
  return (schema?.types ?? []).map((type) => type.name).sort();
}

describe('introspection by any path shows only the caller own schema', () => {
  it('gives HOUSING the same types directly, through a fragment, an inline fragment and an alias', async () => {
    const direct = await typeNames(`{ __schema ${TYPES} }`, partner);
    expect(direct).not.toContain('BankDeposit');
    expect(direct).not.toContain('AuditEntry');
    const paths = [
      `query { ...F } fragment F on Query { __schema ${TYPES} }`,
      `query { ... on Query { __schema ${TYPES} } }`,
      `query { s: __schema ${TYPES} }`,
      `query { ...F } fragment F on Query { ...G } fragment G on Query { ... on Query { x: __schema ${TYPES} } }`,
    ];
    for (const query of paths) expect(await typeNames(query, partner)).toEqual(direct);
  });

  it('answers __type inside a fragment from the caller view: a hidden type is null', async () => {
    const answer = await hub.graphql<{ a: unknown; b: { name: string } | null }>(
      'query { ...F } fragment F on Query { a: __type(name: "BankDeposit") { name fields { name } } b: __type(name: "Person") { name } }',
      { token: partner },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ a: null, b: { name: 'Person' } });
  });

  it('lets an anonymous caller introspect nothing, through a fragment either', async () => {
    for (const query of [
      `query { ...F } fragment F on Query { __schema ${TYPES} }`,
      'query { ... on Query { t: __type(name: "Query") { name } } }',
    ]) {
      const answer = await hub.graphql(query);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.map((error) => error.extensions)).toEqual([{ code: 'UNAUTHENTICATED' }]);
    }
  });

  it('refuses introspection hidden in a fragment beside data', async () => {
    const answer = await hub.graphql(`query { regions { code } ...F } fragment F on Query { __schema ${TYPES} }`, {
      token: partner,
    });
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MIXED_INTROSPECTION' });
  });
});

describe('did-you-mean suggestions', () => {
  // Each misspells a name HOUSING's view hides; graphql-js would suggest the real one.
  const probes = [
    ['balanceFen', 'query { person(idNumber: "x") { bankAccounts { balanceFe } } }'],
    ['createApiClient', 'mutation { createApiClien(input: {}) { id } }'],
    ['auditEntries', '{ auditEntrie { totalCount } }'],
    ['users', '{ user { id } }'],
  ] as const;

  it('name nothing for a partner', async () => {
    for (const [hidden, query] of probes) {
      const answer = await hub.graphql(query, { token: partner });
      expect(answer.status).toBe(400);
      const messages = JSON.stringify(answer.errors);
      expect(messages).toContain('Cannot query field');
      expect(messages).not.toContain('Did you mean');
      expect(messages).not.toContain(hidden);
    }
  });

  it('name nothing for an anonymous caller', async () => {
    const answer = await hub.graphql('{ auditEntrie { totalCount } }');
    expect(JSON.stringify(answer.errors)).not.toContain('auditEntries');
  });

  it('still help an administrator', async () => {
    const answer = await hub.graphql('{ auditEntrie { totalCount } }', { token: admin });
    expect(answer.errors?.[0]?.message).toContain('Did you mean "auditEntries"?');
  });
});

describe('persisted queries', () => {
  it('are not served, so no cache of other callers query texts answers by hash', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partner}` },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: {
          persistedQuery: {
            version: 1,
            sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38',
          },
        },
      }),
    });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});
