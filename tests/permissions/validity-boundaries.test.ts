import type { AgreementStatus } from '@hub/prisma';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent, daysFromToday } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDepartmentRecords, createSnapshots, type Snapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Agreements and consents run from their first to their last day inclusive, by China Standard Time; one day
// either side, or any status but ACTIVE, and the bank's records are withheld.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const QUERY = 'query ($idNumber: String!) { person(idNumber: $idNumber) { bankAccounts { balanceFen } } }';

let regionCode: string;
let snapshots: Snapshots;
let bank: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  snapshots = await createSnapshots(hub.prisma, { regionCode });
  bank = snapshots.BANK_DEPOSIT.departmentId;
});

async function bankRecordsSeen(options: {
  agreement?: { validFrom?: Date; validUntil?: Date; status?: AgreementStatus };
  consent?: Parameters<typeof createConsent>[1] extends infer C ? Omit<C & object, 'personId'> : never;
  consentForConsumer?: boolean;
}) {
  const person = await createPerson(hub.prisma);
  await createDepartmentRecords(hub.prisma, person.id, snapshots);
  const consumer = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
  await createAgreement(hub.prisma, {
    consumerDepartmentId: consumer.id,
    providerDepartmentId: bank,
    items: { BANK_DEPOSITS: 'FULL' },
    ...options.agreement,
  });
  await createConsent(hub.prisma, {
    personId: person.id,
    ...options.consent,
    ...(options.consentForConsumer ? { departmentId: consumer.id } : {}),
  });
  const answer = await hub.graphql<{ person: { bankAccounts: unknown[] | null } | null }>(QUERY, {
    token: await createPartnerToken(hub.prisma, consumer.id),
    purpose: PURPOSE,
    variables: { idNumber: person.idNumber },
  });
  const reason = answer.errors?.[0]?.extensions?.reason;
  return reason ? `DENIED:${reason}` : `SEEN:${answer.data?.person?.bankAccounts?.length}`;
}

describe('an agreement', () => {
  it.each([
    ['on its last day', { validUntil: daysFromToday(0) }, 'SEEN:1'],
    ['the day after its last day', { validUntil: daysFromToday(-1) }, 'DENIED:NO_AGREEMENT'],
    ['on its first day', { validFrom: daysFromToday(0) }, 'SEEN:1'],
    ['the day before its first day', { validFrom: daysFromToday(1) }, 'DENIED:NO_AGREEMENT'],
    ['while suspended', { status: 'SUSPENDED' as const }, 'DENIED:NO_AGREEMENT'],
    ['once revoked', { status: 'REVOKED' as const }, 'DENIED:NO_AGREEMENT'],
    ['awaiting approval', { status: 'PENDING_APPROVAL' as const }, 'DENIED:NO_AGREEMENT'],
    ['in draft', { status: 'DRAFT' as const }, 'DENIED:NO_AGREEMENT'],
  ])('%s: %s', async (_when, agreement, expected) => {
    expect(await bankRecordsSeen({ agreement })).toBe(expected);
  });
});

describe('a consent (授权)', () => {
  it.each([
    ['on the day it expires', { expiresOn: daysFromToday(0) }, 'SEEN:1'],
    ['the day after it expired', { expiresOn: daysFromToday(-1) }, 'DENIED:CONSENT_REQUIRED'],
    ['on the day it is signed', { signedOn: daysFromToday(0) }, 'SEEN:1'],
    ['the day before it is signed', { signedOn: daysFromToday(1) }, 'DENIED:CONSENT_REQUIRED'],
    ['once withdrawn', { withdrawnAt: new Date() }, 'DENIED:CONSENT_REQUIRED'],
    ['for another purpose', { purposes: ['HOUSING_SUBSIDY' as const] }, 'DENIED:CONSENT_REQUIRED'],
  ])('%s', async (_when, consent, expected) => {
    expect(await bankRecordsSeen({ consent })).toBe(expected);
  });

  it('given to another department covers nobody else', async () => {
    const other = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
    expect(await bankRecordsSeen({ consent: { departmentId: other.id } })).toBe('DENIED:CONSENT_REQUIRED');
  });

  it('given to this department covers it', async () => {
    expect(await bankRecordsSeen({ consentForConsumer: true })).toBe('SEEN:1');
  });
});
