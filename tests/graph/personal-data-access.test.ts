import type { UserRole } from '@hub/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

type Caller = 'ANONYMOUS' | UserRole;
const callers: Caller[] = ['ANONYMOUS', 'VERIFICATION_OFFICER', 'AUDITOR', 'ADMIN'];
const tokens = new Map<Caller, string | undefined>();
let family: Awaited<ReturnType<typeof createHousehold>>;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  family = await createHousehold(hub.prisma, { regionCode: region.code });
  await createDepartmentRecords(
    hub.prisma,
    family.head.id,
    await createSnapshots(hub.prisma, { regionCode: region.code }),
  );
  const department = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code });
  tokens.set('ANONYMOUS', undefined);
  for (const role of ['VERIFICATION_OFFICER', 'AUDITOR', 'ADMIN'] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: department.id });
    tokens.set(role, await hub.logIn(user.username, password));
  }
});

const operations = {
  person: () => ({
    query: 'query ($id: String!) { person(idNumber: $id) { name household { address } } }',
    variables: { id: family.head.idNumber },
  }),
  household: () => ({
    query: 'query ($id: ID!) { household(id: $id) { address members { name } } }',
    variables: { id: family.household.id },
  }),
  households: () => ({ query: '{ households(first: 5) { edges { node { address } } } }', variables: {} }),
};

// Auditors read the audit trail, not the data; officers and administrators of the verification centre (civil
// affairs, which holds the household spine) read it for a declared purpose.
const expectedCode = (caller: Caller) =>
  caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : caller === 'AUDITOR' ? 'FORBIDDEN' : undefined;

describe('who may read personal data', () => {
  for (const [field, operation] of Object.entries(operations)) {
    for (const caller of callers) {
      const code = expectedCode(caller);
      it(`${code ? `refuses ${field} to ${caller} with ${code} and no data` : `answers ${field} for ${caller}`}`, async () => {
        const { query, variables } = operation();
        const answer = await hub.graphql(query, { variables, token: tokens.get(caller), purpose: 'PERIODIC_REVIEW' });
        if (code) {
          expect(answer.data).toEqual({ [field]: null });
          expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[[field], code]]);
          expect(JSON.stringify(answer)).not.toContain(family.household.address);
        } else {
          expect(answer.errors).toBeUndefined();
          expect(answer.data?.[field]).not.toBeNull();
        }
      });
    }
  }

  it('refuses personal data to a request that declares no purpose, naming the header', async () => {
    const { query, variables } = operations.person();
    const answer = await hub.graphql(query, { variables, token: tokens.get('ADMIN') });
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PURPOSE_REQUIRED' });
    expect(answer.errors?.[0]?.message).toContain('x-hub-purpose');
  });

  it('refuses an unknown purpose as such, not as a missing one', async () => {
    const { query, variables } = operations.person();
    const answer = await hub.graphql(query, { variables, token: tokens.get('ADMIN'), purpose: 'CURIOSITY' });
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PURPOSE' });
    expect(answer.errors?.[0]?.message).toContain('CURIOSITY');
  });

  it('answers an anonymous caller whose token is unknown exactly like one without a token', async () => {
    const { query, variables } = operations.person();
    const answer = await hub.graphql(query, { variables, token: 'x'.repeat(43) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets any logged-in user read regions and departments, and no anonymous caller', async () => {
    const query = '{ regions { code } departments { code kind } }';
    const anonymous = await hub.graphql(query);
    expect(anonymous.data).toEqual({ regions: null, departments: null });
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const officer = await hub.graphql<{ regions: unknown[] }>(query, { token: tokens.get('VERIFICATION_OFFICER') });
    expect(officer.errors).toBeUndefined();
    expect(officer.data?.regions.length).toBeGreaterThan(0);
  });
});
