import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const QUERY = 'query ($idNumber: String!) { person(idNumber: $idNumber) { bankAccounts { accountNumber } } }';

let person: Awaited<ReturnType<typeof createPerson>>;
let snapshots: Awaited<ReturnType<typeof createSnapshots>>;
let regionCode: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  snapshots = await createSnapshots(hub.prisma, { regionCode });
  person = await createPerson(hub.prisma);
  await createDepartmentRecords(hub.prisma, person.id, snapshots);
  await createConsent(hub.prisma, { personId: person.id });
});

const ask = (token: string, query = QUERY) =>
  hub.graphql<{ person: { bankAccounts: { accountNumber: string }[] | null } | null }>(query, {
    token,
    purpose: PURPOSE,
    variables: { idNumber: person.idNumber },
  });

describe("an agreement's daily query quota", () => {
  it('answers as many requests as the quota allows, then refuses with QUOTA_EXCEEDED', async () => {
    const consumer = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
    const agreement = await createAgreement(hub.prisma, {
      consumerDepartmentId: consumer.id,
      providerDepartmentId: snapshots.BANK_DEPOSIT.departmentId,
      items: { BANK_DEPOSITS: 'FULL' },
      dailyQueryQuota: 2,
    });
    const token = await createPartnerToken(hub.prisma, consumer.id);
    // A request that reads nothing under the agreement does not count against it.
    expect(
      (await ask(token, 'query ($idNumber: String!) { person(idNumber: $idNumber) { id } }')).errors,
    ).toBeUndefined();
    expect((await ask(token)).data?.person?.bankAccounts).toHaveLength(1);
    expect((await ask(token)).data?.person?.bankAccounts).toHaveLength(1);
    const third = await ask(token);
    expect(third.data?.person?.bankAccounts).toBeNull();
    expect(third.errors?.[0]?.extensions).toMatchObject({ dataItem: 'BANK_DEPOSITS', reason: 'QUOTA_EXCEEDED' });
    const usage = await hub.prisma.agreementQuotaUsage.findMany({ where: { agreementId: agreement.id } });
    expect(usage.map((day) => day.queries)).toEqual([2]);
  });

  it('counts concurrent requests exactly: never more answers than the quota', async () => {
    const consumer = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
    await createAgreement(hub.prisma, {
      consumerDepartmentId: consumer.id,
      providerDepartmentId: snapshots.BANK_DEPOSIT.departmentId,
      items: { BANK_DEPOSITS: 'FULL' },
      dailyQueryQuota: 5,
    });
    const token = await createPartnerToken(hub.prisma, consumer.id);
    const answers = await Promise.all(Array.from({ length: 12 }, () => ask(token)));
    expect(answers.filter((answer) => answer.data?.person?.bankAccounts?.length === 1)).toHaveLength(5);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.reason === 'QUOTA_EXCEEDED')).toHaveLength(7);
  });

  it('falls back to another agreement for the item once one quota is used up', async () => {
    const consumer = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
    const provider = snapshots.BANK_DEPOSIT.departmentId;
    await createAgreement(hub.prisma, {
      consumerDepartmentId: consumer.id,
      providerDepartmentId: provider,
      items: { BANK_DEPOSITS: 'FULL' },
      dailyQueryQuota: 1,
    });
    await createAgreement(hub.prisma, {
      consumerDepartmentId: consumer.id,
      providerDepartmentId: provider,
      items: { BANK_DEPOSITS: 'MASKED' },
    });
    const token = await createPartnerToken(hub.prisma, consumer.id);
    const clear = (await ask(token)).data?.person?.bankAccounts?.[0]?.accountNumber;
    const masked = (await ask(token)).data?.person?.bankAccounts?.[0]?.accountNumber;
    expect(clear).not.toContain('*');
    expect(masked).toMatch(/^.{4}\*+.{4}$/);
  });
});
