import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Two hub instances on one database, each with its own permission cache: a change made through one takes effect
// on the other within a second, announced by PostgreSQL NOTIFY.

const db = await createTestDatabase();
const first = await startTestApp(db.url);
const second = await startTestApp(db.url);
const QUERY = 'query ($idNumber: String!) { person(idNumber: $idNumber) { bankAccounts { balanceFen } } }';

let person: Awaited<ReturnType<typeof createPerson>>;
let agreementId: string;
let partner: string;
let admin: string;

beforeAll(async () => {
  const regionCode = (await createRegion(first.prisma)).code;
  const snapshots = await createSnapshots(first.prisma, { regionCode });
  person = await createPerson(first.prisma);
  await createDepartmentRecords(first.prisma, person.id, snapshots);
  await createConsent(first.prisma, { personId: person.id });
  const consumer = await createDepartment(first.prisma, { kind: 'TAX', regionCode });
  const { user, password } = await createUser(first.prisma, { role: 'ADMIN', departmentId: consumer.id });
  agreementId = (
    await createAgreement(first.prisma, {
      consumerDepartmentId: consumer.id,
      providerDepartmentId: snapshots.BANK_DEPOSIT.departmentId,
      items: { BANK_DEPOSITS: 'FULL' },
    })
  ).id;
  partner = await createPartnerToken(first.prisma, consumer.id);
  admin = await first.logIn(user.username, password);
});

const seesDeposits = async () => {
  const answer = await second.graphql<{ person: { bankAccounts: unknown[] | null } | null }>(QUERY, {
    token: partner,
    purpose: 'MINIMUM_LIVING_GUARANTEE',
    variables: { idNumber: person.idNumber },
  });
  return answer.data?.person?.bankAccounts != null;
};

async function millisecondsUntil(expected: boolean): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 5_000) {
    if ((await seesDeposits()) === expected) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Number.POSITIVE_INFINITY;
}

describe('the permission cache across instances', () => {
  it('drops a suspended agreement on the other instance within a second, and takes it back on resumption', async () => {
    expect(await seesDeposits()).toBe(true); // the second instance has cached the grant
    const suspended = await first.graphql(
      'mutation ($id: ID!) { suspendSharingAgreement(id: $id, reason: "核查数据泄露风险") { status } }',
      { token: admin, variables: { id: agreementId } },
    );
    expect(suspended.data).toEqual({ suspendSharingAgreement: { status: 'SUSPENDED' } });
    expect(await millisecondsUntil(false)).toBeLessThan(1_000);

    const resumed = await first.graphql('mutation ($id: ID!) { resumeSharingAgreement(id: $id) { status } }', {
      token: admin,
      variables: { id: agreementId },
    });
    expect(resumed.data).toEqual({ resumeSharingAgreement: { status: 'ACTIVE' } });
    expect(await millisecondsUntil(true)).toBeLessThan(1_000);
  });

  it('keeps serving from its cache between changes: an agreement changed behind its back without NOTIFY is not seen', async () => {
    // Proves the grant is cached rather than read per request, which is what makes NOTIFY necessary.
    expect(await seesDeposits()).toBe(true);
    await first.prisma.$executeRaw`UPDATE sharing_agreements SET status = 'SUSPENDED' WHERE id = ${agreementId}::uuid`;
    expect(await seesDeposits()).toBe(true);
    await first.prisma.$executeRaw`SELECT pg_notify('hub_agreements_changed', ${agreementId})`;
    expect(await millisecondsUntil(false)).toBeLessThan(1_000);
  });
});
