import { createPrismaClient, type Purpose } from '@hub/prisma';
import { findCoveringConsents } from '@hub/server/consents/find-covering-consents';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
afterAll(() => Promise.all([prisma.$disconnect(), pool.end()]));

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let housingId: string;
let bankId: string;

beforeAll(async () => {
  const region = await createRegion(prisma);
  housingId = (await createDepartment(prisma, { kind: 'HOUSING', regionCode: region.code })).id;
  bankId = (await createDepartment(prisma, { kind: 'BANK', regionCode: region.code })).id;
});

async function personWithConsent(consent: {
  purposes?: Purpose[];
  departmentId?: string | null;
  signedOn?: string;
  expiresOn?: string;
  withdrawnAt?: Date;
}) {
  const person = await createPerson(prisma);
  await prisma.consent.create({
    data: {
      personId: person.id,
      purposes: consent.purposes ?? ['MINIMUM_LIVING_GUARANTEE'],
      departmentId: consent.departmentId ?? null,
      signedOn: day(consent.signedOn ?? '2026-03-01'),
      expiresOn: day(consent.expiresOn ?? '2026-08-31'),
      documentReference: '授权书',
      withdrawnAt: consent.withdrawnAt,
    },
  });
  return person.id;
}

const question = (iso: string, overrides: { purpose?: Purpose; departmentId?: string } = {}) => ({
  departmentId: overrides.departmentId ?? housingId,
  purpose: overrides.purpose ?? 'MINIMUM_LIVING_GUARANTEE',
  day: day(iso),
});

describe('findCoveringConsents', () => {
  it('covers from the signing day through the expiry day, both inclusive, and not a day more', async () => {
    const id = await personWithConsent({ signedOn: '2026-03-01', expiresOn: '2026-08-31' });
    for (const [iso, covered] of [
      ['2026-02-28', false],
      ['2026-03-01', true],
      ['2026-08-31', true],
      ['2026-09-01', false],
    ] as const) {
      expect((await findCoveringConsents(prisma, [id], question(iso))).has(id), iso).toBe(covered);
    }
  });

  it('covers only the purposes the consent names', async () => {
    const id = await personWithConsent({ purposes: ['MINIMUM_LIVING_GUARANTEE', 'PERIODIC_REVIEW'] });
    expect(await findCoveringConsents(prisma, [id], question('2026-05-01', { purpose: 'PERIODIC_REVIEW' }))).toEqual(
      new Set([id]),
    );
    expect(await findCoveringConsents(prisma, [id], question('2026-05-01', { purpose: 'HOUSING_SUBSIDY' }))).toEqual(
      new Set(),
    );
  });

  it('covers any department when it names none, and only its own department when it names one', async () => {
    const anyDepartment = await personWithConsent({ departmentId: null });
    const housingOnly = await personWithConsent({ departmentId: housingId });
    const ids = [anyDepartment, housingOnly];
    expect(await findCoveringConsents(prisma, ids, question('2026-05-01'))).toEqual(new Set(ids));
    expect(await findCoveringConsents(prisma, ids, question('2026-05-01', { departmentId: bankId }))).toEqual(
      new Set([anyDepartment]),
    );
  });

  it('covers nothing once withdrawn', async () => {
    const id = await personWithConsent({ withdrawnAt: new Date() });
    expect(await findCoveringConsents(prisma, [id], question('2026-05-01'))).toEqual(new Set());
  });

  it('answers for many persons in one call, through Prisma or a pg pool alike', async () => {
    const covered = await personWithConsent({});
    const lapsed = await personWithConsent({ expiresOn: '2026-04-30' });
    const withoutConsent = (await createPerson(prisma)).id;
    const alsoCovered = await personWithConsent({ signedOn: '2026-05-01' });
    const ids = [covered, lapsed, withoutConsent, alsoCovered, covered];
    const expected = new Set([covered, alsoCovered]);
    expect(await findCoveringConsents(prisma, ids, question('2026-05-01'))).toEqual(expected);
    expect(await findCoveringConsents(pool, ids, question('2026-05-01'))).toEqual(expected);
    expect(await findCoveringConsents(pool, [], question('2026-05-01'))).toEqual(new Set());
  });
});
