import { type AccessLevel, DepartmentKind } from '@hub/prisma';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, createConsent, grantEveryItem } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDeathRecords, createDepartmentRecords, createSnapshots } from '../factories/department-records.ts';
import { createDepartment } from '../factories/departments.ts';
import { createHousehold } from '../factories/households.ts';
import { type GraphqlAnswer, startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import {
  deniedItemsNamed,
  expectedObservations,
  type Level,
  observe,
  PROBE_QUERY,
  PROBES,
} from './permission-probe.ts';

// Every kind of consumer department × every data item × every access level × the subject's consent present or
// absent, through real HTTP with the departments' own API clients' access tokens: each request reads every item at once, so each answer checks the
// item granted and the items not granted alike.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const PURPOSE = 'MINIMUM_LIVING_GUARANTEE';
const LEVELS: Level[] = ['FULL', 'MASKED', 'DERIVED', 'NONE'];
const KINDS = Object.values(DepartmentKind);

let family: Awaited<ReturnType<typeof createHousehold>>;
let providers: { id: string; kind: DepartmentKind }[];
const baseline = new Map<string, GraphqlAnswer>();
const consumers = new Map<string, string>(); // `${kind}:${level}` or `only:${item}` → token

async function consumerToken(kind: DepartmentKind, items: Record<string, AccessLevel>): Promise<string> {
  const consumer = await createDepartment(hub.prisma, { kind, regionCode });
  const { user } = await createUser(hub.prisma, { role: 'ADMIN', departmentId: consumer.id });
  for (const provider of providers) {
    const granted = Object.entries(items).filter(
      ([code]) => DATA_ITEMS.find((item) => item.code === code)?.providerKind === provider.kind,
    );
    if (!granted.length) continue;
    await createAgreement(hub.prisma, {
      consumerDepartmentId: consumer.id,
      providerDepartmentId: provider.id,
      items: Object.fromEntries(granted),
      authorId: user.id,
    });
  }
  return createPartnerToken(hub.prisma, consumer.id);
}

let regionCode: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  family = await createHousehold(hub.prisma, { regionCode });
  const snapshots = await createSnapshots(hub.prisma, { regionCode });
  for (const member of [family.head, family.spouse]) {
    await createDepartmentRecords(hub.prisma, member.id, snapshots);
    await createDeathRecords(hub.prisma, member.id, snapshots);
  }
  await hub.prisma.assistanceCase.create({
    data: {
      householdId: family.household.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'ACTIVE',
      startedOn: new Date('2023-01-01'),
      monthlyAmountFen: 66_000,
    },
  });
  await hub.prisma.application.create({
    data: {
      householdId: family.household.id,
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'APPROVED',
      submittedOn: new Date('2022-12-01'),
    },
  });
  // A benefit still being paid, so that the fact is true in full and its absence shows.
  await hub.prisma.unemploymentBenefitRecord.updateMany({ data: { endsOn: new Date('2099-12-31') } });
  providers = await hub.prisma.department.findMany({ select: { id: true, kind: true } });
  // The head has signed an authorisation for 低保 checks; the spouse has not.
  await createConsent(hub.prisma, { personId: family.head.id, purposes: [PURPOSE] });

  // The same query answered in full, to compare with: a department holding everything for periodic reviews.
  const full = await createDepartment(hub.prisma, { kind: 'TAX', regionCode });
  await grantEveryItem(hub.prisma, { consumerDepartmentId: full.id, purposes: ['PERIODIC_REVIEW'] });
  for (const member of [family.head, family.spouse]) {
    await createConsent(hub.prisma, { personId: member.id, purposes: ['PERIODIC_REVIEW'], departmentId: full.id });
  }
  const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: full.id });
  const fullToken = await hub.logIn(user.username, password);
  for (const member of [family.head, family.spouse]) {
    const answer = await hub.graphql(PROBE_QUERY, {
      token: fullToken,
      purpose: 'PERIODIC_REVIEW',
      variables: { idNumber: member.idNumber },
    });
    expect(answer.errors).toBeUndefined();
    baseline.set(member.id, answer);
  }

  for (const kind of KINDS) {
    for (const level of LEVELS) {
      const items = level === 'NONE' ? {} : Object.fromEntries(DATA_ITEMS.map((item) => [item.code, level]));
      consumers.set(`${kind}:${level}`, await consumerToken(kind, items));
    }
  }
  for (const code of Object.keys(PROBES)) consumers.set(`only:${code}`, await consumerToken('TAX', { [code]: 'FULL' }));
});

async function check(token: string, consumer: DepartmentKind, levelOf: (code: string) => Level, consent: boolean) {
  const subject = consent ? family.head : family.spouse;
  const answer = await hub.graphql(PROBE_QUERY, { token, purpose: PURPOSE, variables: { idNumber: subject.idNumber } });
  // A lookup needs an agreement for the purpose, or the spine itself (civil affairs): a dataset of its own is not enough.
  const reachesNothing = consumer !== 'CIVIL_AFFAIRS' && DATA_ITEMS.every((item) => levelOf(item.code) === 'NONE');
  if (reachesNothing) {
    // No agreement for the purpose: it may not even ask whether the person exists.
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['person'], 'FORBIDDEN']]);
    return;
  }
  const expected = expectedObservations(consumer, levelOf, consent);
  const full = baseline.get(subject.id) as GraphqlAnswer;
  expect(observe(answer, full, Object.keys(expected))).toEqual(expected);
  // No error anywhere else, and every denial names its data item.
  const probed = new Set(Object.keys(expected));
  expect((answer.errors ?? []).filter((error) => !probed.has((error.path ?? []).join('.')))).toEqual([]);
  expect(deniedItemsNamed(answer)).toBe(true);
  // Nothing withheld leaks into the messages.
  for (const error of answer.errors ?? []) expect(error.message).not.toMatch(/\d{6,}|宁A|6222/);
}

describe.each(KINDS)('a %s department', (kind) => {
  describe.each(LEVELS)('holding every item at %s', (level) => {
    it.each([
      ['with', true],
      ['without', false],
    ])('sees exactly what the rules allow of a person %s a recorded consent', async (_with, consent) => {
      await check(consumers.get(`${kind}:${level}`) as string, kind, () => level, consent as boolean);
    });
  });
});

describe('an agreement for one item', () => {
  it.each(Object.keys(PROBES))('discloses %s and no other item', async (code) => {
    await check(consumers.get(`only:${code}`) as string, 'TAX', (item) => (item === code ? 'FULL' : 'NONE'), true);
  });
});
