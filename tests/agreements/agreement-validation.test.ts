import { beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, createAgreementParties } from '../factories/agreements.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

const CREATE = 'mutation ($input: CreateSharingAgreementInput!) { createSharingAgreement(input: $input) { id } }';

let parties: Awaited<ReturnType<typeof createAgreementParties>>;
let takenCode: string;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  parties = await createAgreementParties(hub.prisma, hub, region.code);
  const taken = agreementInput(parties);
  takenCode = taken.code;
  const answer = await hub.graphql(CREATE, { variables: { input: taken }, token: parties.tokens.author });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
});

const create = (overrides: Record<string, unknown>) =>
  hub.graphql(CREATE, { variables: { input: agreementInput(parties, overrides) }, token: parties.tokens.author });

const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

describe('the terms of a sharing agreement', () => {
  const cases: [string, () => Record<string, unknown>, string][] = [
    ['a code another agreement has', () => ({ code: takenCode }), 'CODE_TAKEN'],
    ['a blank code', () => ({ code: ' ' }), 'BLANK_VALUE'],
    ['a blank title', () => ({ title: '' }), 'BLANK_VALUE'],
    ['an unknown provider', () => ({ providerDepartmentId: UNKNOWN_ID }), 'UNKNOWN_DEPARTMENT'],
    ['a consumer id that is no id', () => ({ consumerDepartmentId: 'housing' }), 'UNKNOWN_DEPARTMENT'],
    [
      'the provider as its own consumer',
      () => ({ consumerDepartmentId: parties.provider.id }),
      'SAME_PROVIDER_AND_CONSUMER',
    ],
    ['no purposes', () => ({ purposes: [] }), 'NO_PURPOSES'],
    [
      'validFrom after validUntil',
      () => ({ validFrom: '2026-07-02', validUntil: '2026-07-01' }),
      'INVALID_VALIDITY_WINDOW',
    ],
    ['a quota of zero', () => ({ dailyQueryQuota: 0 }), 'INVALID_QUOTA'],
    ['a negative quota', () => ({ dailyQueryQuota: -5 }), 'INVALID_QUOTA'],
    ['no items', () => ({ items: [] }), 'NO_ITEMS'],
    [
      'an item the catalogue does not know',
      () => ({ items: [{ dataItemCode: 'SHOE_SIZE', accessLevel: 'FULL' }] }),
      'UNKNOWN_DATA_ITEM',
    ],
    [
      'an item of another kind of provider (bank deposits from public security)',
      () => ({ items: [{ dataItemCode: 'BANK_DEPOSITS', accessLevel: 'FULL' }] }),
      'PROVIDER_KIND_MISMATCH',
    ],
    [
      'the same item at two levels',
      () => ({
        items: [
          { dataItemCode: 'HUKOU', accessLevel: 'FULL' },
          { dataItemCode: 'HUKOU', accessLevel: 'MASKED' },
        ],
      }),
      'DUPLICATE_DATA_ITEM',
    ],
  ];

  for (const [what, overrides, reason] of cases) {
    it(`refuses ${what} with BAD_USER_INPUT ${reason}`, async () => {
      const before = await hub.prisma.sharingAgreement.count();
      const answer = await create(overrides());
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(answer.errors?.[0]?.message.length).toBeGreaterThan(10);
      expect(await hub.prisma.sharingAgreement.count()).toBe(before);
    });
  }

  it('refuses DERIVED for an item that has no derived form', async () => {
    const civilAffairs = await createDepartment(hub.prisma, {
      kind: 'CIVIL_AFFAIRS',
      regionCode: parties.provider.regionCode,
    });
    const answer = await create({
      providerDepartmentId: civilAffairs.id,
      items: [{ dataItemCode: 'PERSON_IDENTITY', accessLevel: 'DERIVED' }],
    });
    expect(answer.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_DERIVABLE',
      dataItemCode: 'PERSON_IDENTITY',
    });
    expect(answer.errors?.[0]?.message).toBe('PERSON_IDENTITY has no DERIVED form: grant it FULL or MASKED');
  });

  it('names the provider kind an item needs', async () => {
    const answer = await create({ items: [{ dataItemCode: 'REAL_ESTATE', accessLevel: 'FULL' }] });
    expect(answer.errors?.[0]?.message).toBe(
      'REAL_ESTATE is provided by HOUSING departments, and the provider is PUBLIC_SECURITY',
    );
  });

  it('accepts a window of one day and no quota', async () => {
    const answer = await create({ validFrom: '2026-07-01', validUntil: '2026-07-01', dailyQueryQuota: null });
    expect(answer.errors).toBeUndefined();
  });

  it('gives the loser of two simultaneous creations with one code the same CODE_TAKEN answer', async () => {
    const code = `${takenCode}-RACE`;
    const answers = await Promise.all([create({ code }), create({ code }), create({ code })]);
    const reasons = answers.map((answer) => answer.errors?.[0]?.extensions?.reason ?? 'CREATED').sort();
    expect(reasons).toEqual(['CODE_TAKEN', 'CODE_TAKEN', 'CREATED']);
  });

  it('applies the same rules to an update', async () => {
    const created = await create({});
    const id = (created.data as { createSharingAgreement: { id: string } }).createSharingAgreement.id;
    const answer = await hub.graphql(
      'mutation ($id: ID!, $input: UpdateSharingAgreementInput!) { updateSharingAgreement(id: $id, input: $input, expectedVersion: 1) { id } }',
      { variables: { id, input: agreementInput(parties, { code: takenCode }) }, token: parties.tokens.author },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_TAKEN' });
  });
});
