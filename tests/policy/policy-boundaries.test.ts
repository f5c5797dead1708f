import { createPrismaClient, type Prisma } from '@hub/prisma';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedRule, assessHousehold, createAssessmentWorld, day, from } from '../factories/assessed-households.ts';
import { uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Every threshold of the policy data at a fen (or a hundredth of a m²) below, exactly at, and a fen above, under
// the documents' reading (低于: BELOW) and the other (不高于: AT_OR_BELOW), assessed as of 2026-10-31 against ¥800.

const AS_OF = '2026-10-31';
const STANDARD = 80_000;
let pool: pg.Pool;
let prisma: ReturnType<typeof createPrismaClient>;
type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
let below: World;
let atOrBelow: World;
let fromStandard: World;

const world = (policy: Partial<Prisma.AssistanceStandardUncheckedCreateInput> = {}) =>
  createAssessmentWorld(prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026, policy });

/** A household whose members (all of working age) earn `perCapitaFen` each on average, enrolled as given. */
async function earning(on: World, members: number, totalFen: number, options: Parameters<World['household']>[0] = {}) {
  const made = await on.household({ members, birthYears: Array(members).fill(1980), ...options });
  if (totalFen > 0) await on.wage(made.head.id, totalFen);
  return assessHousehold(pool, made.household.id, AS_OF);
}

beforeAll(async () => {
  const database = await createTestDatabase();
  prisma = createPrismaClient(database.url, { maxConnections: 2 });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  below = await world();
  atOrBelow = await world({
    minimumLivingLine: 'AT_OR_BELOW',
    lowIncomeLine: 'AT_OR_BELOW',
    extremePovertyLine: 'AT_OR_BELOW',
  });
  fromStandard = await world({ lowIncomeFloor: 'AT_OR_ABOVE' });
});
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

describe('低保 line', () => {
  it.each([
    [-1, 'MINIMUM_LIVING', []],
    [0, 'BETWEEN_LINES', ['INCOME_ABOVE_STANDARD']],
    [1, 'LOW_INCOME', ['INCOME_ABOVE_STANDARD']],
  ])('read BELOW: per-capita income %i fen from the standard is %s', async (offset, classification, flags) => {
    const result = await earning(below, 3, 3 * (STANDARD + offset));
    expect(result).toMatchObject({ classification, flags });
    expect(appliedRule(result, 'MINIMUM_LIVING_LINE')).toMatchObject({
      holds: offset < 0,
      figures: { incomeFen: 3 * (STANDARD + offset), members: 3, lineFen: STANDARD, reading: 'BELOW' },
    });
  });

  it.each([
    [-1, 'MINIMUM_LIVING', []],
    [0, 'MINIMUM_LIVING', []],
    [1, 'LOW_INCOME', ['INCOME_ABOVE_STANDARD']],
  ])('read AT_OR_BELOW: per-capita income %i fen from the standard is %s', async (offset, classification, flags) => {
    expect(await earning(atOrBelow, 3, 3 * (STANDARD + offset))).toMatchObject({ classification, flags });
  });

  it('decides on the exact amount: a third of a fen above the standard is outside even read AT_OR_BELOW', async () => {
    const result = await earning(atOrBelow, 3, 3 * STANDARD + 1);
    expect(result).toMatchObject({ flags: ['INCOME_ABOVE_STANDARD'], per_capita_income_fen: String(STANDARD) });
    expect(appliedRule(result, 'MINIMUM_LIVING_LINE')?.figures).toMatchObject({
      incomeFen: 3 * STANDARD + 1,
      members: 3,
    });
  });
});

// 低于 is strictly below and 高于 strictly above (tieling-2021 四(三)): exactly on the standard a household is by the
// letter neither 低保 nor 低收入, and says so; a region whose text sets no floor (yinchuan-2021 二(五)) reads it
// AT_OR_ABOVE, and the standard itself is then 低收入.
describe('低收入 floor', () => {
  it.each([
    [-1, 'MINIMUM_LIVING', false],
    [0, 'BETWEEN_LINES', false],
    [1, 'LOW_INCOME', true],
  ])('read ABOVE: a 低收入 case %i fen from the standard is %s, unflagged', async (offset, classification, holds) => {
    const result = await earning(below, 3, 3 * (STANDARD + offset), { caseKind: 'LOW_INCOME' });
    expect(result).toMatchObject({ classification, flags: [] });
    expect(appliedRule(result, 'LOW_INCOME_FLOOR')).toMatchObject({
      holds,
      citation: { document: 'tieling-2021-difficult-families-action.txt', paragraph: '四(三)' },
      figures: { incomeFen: 3 * (STANDARD + offset), members: 3, floorFen: STANDARD, reading: 'ABOVE' },
    });
  });

  it.each([
    [-1, 'MINIMUM_LIVING'],
    [0, 'LOW_INCOME'],
    [1, 'LOW_INCOME'],
  ])('read AT_OR_ABOVE: a 低收入 case %i fen from the standard is %s', async (offset, classification) => {
    const result = await earning(fromStandard, 3, 3 * (STANDARD + offset), { caseKind: 'LOW_INCOME' });
    expect(result).toMatchObject({ classification, flags: [] });
    expect(appliedRule(result, 'LOW_INCOME_FLOOR')).toMatchObject({ holds: offset >= 0 });
  });

  it('gives a 低保 case exactly on the standard the income flag under either floor, and none read AT_OR_BELOW', async () => {
    expect(await earning(fromStandard, 2, 2 * STANDARD)).toMatchObject({
      classification: 'LOW_INCOME',
      flags: ['INCOME_ABOVE_STANDARD'],
      monthly_benefit_fen: null,
    });
    expect(await earning(atOrBelow, 2, 2 * STANDARD)).toMatchObject({ classification: 'MINIMUM_LIVING', flags: [] });
  });

  it('decides on the exact amount: a third of a fen above the standard is above the floor read ABOVE', async () => {
    const result = await earning(below, 3, 3 * STANDARD + 1, { caseKind: 'LOW_INCOME' });
    expect(result).toMatchObject({ classification: 'LOW_INCOME', per_capita_income_fen: String(STANDARD) });
  });
});

describe('低收入 line', () => {
  const line = 1.5 * STANDARD;
  const lowIncome = { caseKind: 'LOW_INCOME' as const };

  it.each([
    [-1, 'LOW_INCOME', []],
    [0, 'ABOVE_LINE', ['INCOME_ABOVE_STANDARD']],
    [1, 'ABOVE_LINE', ['INCOME_ABOVE_STANDARD']],
  ])('read BELOW: %i fen from 1.5 × the standard is %s', async (offset, classification, flags) => {
    const result = await earning(below, 2, 2 * (line + offset), lowIncome);
    expect(result).toMatchObject({ classification, flags });
    expect(appliedRule(result, 'LOW_INCOME_LINE')).toMatchObject({ holds: offset < 0, figures: { multiplier: 1.5 } });
  });

  it.each([
    [-1, 'LOW_INCOME', []],
    [0, 'LOW_INCOME', []],
    [1, 'ABOVE_LINE', ['INCOME_ABOVE_STANDARD']],
  ])('read AT_OR_BELOW: %i fen from 1.5 × the standard is %s', async (offset, classification, flags) => {
    expect(await earning(atOrBelow, 2, 2 * (line + offset), lowIncome)).toMatchObject({ classification, flags });
  });
});

describe('特困 line', () => {
  const line = 1.3 * STANDARD;
  const elderly = { caseKind: 'EXTREME_POVERTY' as const, birthYears: [1950] };

  it.each([
    [-1, 'EXTREME_POVERTY', []],
    [0, 'LOW_INCOME', ['INCOME_ABOVE_STANDARD']],
    [1, 'LOW_INCOME', ['INCOME_ABOVE_STANDARD']],
  ])('read BELOW: an elderly person %i fen from 1.3 × the standard is %s', async (offset, classification, flags) => {
    expect(await earning(below, 1, line + offset, elderly)).toMatchObject({ classification, flags });
  });

  it.each([
    [-1, 'EXTREME_POVERTY', []],
    [0, 'EXTREME_POVERTY', []],
    [1, 'LOW_INCOME', ['INCOME_ABOVE_STANDARD']],
  ])(
    'read AT_OR_BELOW: an elderly person %i fen from 1.3 × the standard is %s',
    async (offset, classification, flags) => {
      expect(await earning(atOrBelow, 1, line + offset, elderly)).toMatchObject({ classification, flags });
    },
  );

  it('covers minors to 18: a 17-year-old qualifies, an 18-year-old of working age does not', async () => {
    const minor = await earning(below, 1, 0, { caseKind: 'EXTREME_POVERTY', birthYears: [2009] });
    expect(minor).toMatchObject({ classification: 'EXTREME_POVERTY', flags: [], monthly_benefit_fen: String(line) });
    const adult = await earning(below, 1, 0, { caseKind: 'EXTREME_POVERTY', birthYears: [2007] });
    expect(adult).toMatchObject({ classification: 'MINIMUM_LIVING', flags: ['EXTREME_POVERTY_CONDITIONS_NOT_MET'] });
  });

  // 未成年人……延长至18周岁 (yinchuan-2021 二(六)): a minor until the 18th birthday; elderly from the 60th.
  it.each([
    ['2008-11-01', 'the day before the 18th birthday', 'EXTREME_POVERTY', []],
    ['2008-10-31', 'on the 18th birthday', 'MINIMUM_LIVING', ['EXTREME_POVERTY_CONDITIONS_NOT_MET']],
    ['2008-10-30', 'the day after the 18th birthday', 'MINIMUM_LIVING', ['EXTREME_POVERTY_CONDITIONS_NOT_MET']],
    ['1966-11-01', 'the day before the 60th birthday', 'MINIMUM_LIVING', ['EXTREME_POVERTY_CONDITIONS_NOT_MET']],
    ['1966-10-31', 'on the 60th birthday', 'EXTREME_POVERTY', []],
    ['1966-10-30', 'the day after the 60th birthday', 'EXTREME_POVERTY', []],
  ])('assesses a person born %s (%s) as %s', async (birthDate, _when, classification, flags) => {
    const made = await below.household({ members: 1, caseKind: 'EXTREME_POVERTY', birthDates: [birthDate] });
    const result = await assessHousehold(pool, made.household.id, AS_OF);
    expect(result).toMatchObject({ classification, flags });
    expect(appliedRule(result, 'EXTREME_POVERTY_LINE')?.figures).toMatchObject({
      membersMeetingConditions: flags.length ? 0 : 1,
      minorUntilAge: 18,
      elderlyFromAge: 60,
    });
  });

  it('counts a severely disabled adult as meeting the conditions', async () => {
    const made = await below.household({ members: 1, caseKind: 'EXTREME_POVERTY', birthYears: [1985] });
    await prisma.disabilityCertificate.create({
      data: {
        ...from(below.snapshots, 'DISABILITY', made.head.id),
        certificateNumber: `${made.head.idNumber}41`,
        category: '肢体残疾',
        grade: 1,
        issuedOn: day('2010-01-01'),
      },
    });
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'EXTREME_POVERTY',
      flags: [],
    });
  });
});

// The asset thresholds read "at most" (AT_OR_BELOW) by default, as domain.md words them; a region may read one BELOW.
let strictAssets: World;
beforeAll(async () => {
  strictAssets = await world({
    financialAssetLine: 'BELOW',
    exemptVehicleValueLine: 'BELOW',
    residentialAreaLine: 'BELOW',
    residentialAreaPerPersonCapM2: '30',
  });
});

describe('financial asset limit', () => {
  it.each([
    ['AT_OR_BELOW', -1, []],
    ['AT_OR_BELOW', 0, []],
    ['AT_OR_BELOW', 1, ['FINANCIAL_ASSETS_OVER_LIMIT']],
    ['BELOW', -1, []],
    ['BELOW', 0, ['FINANCIAL_ASSETS_OVER_LIMIT']],
    ['BELOW', 1, ['FINANCIAL_ASSETS_OVER_LIMIT']],
  ])(
    'read %s: financial assets %i fen from members × 24 months × the standard give %j',
    async (reading, offset, flags) => {
      const on = reading === 'BELOW' ? strictAssets : below;
      const made = await on.household({ members: 2, birthYears: [1980, 1982] });
      await prisma.bankDeposit.create({
        data: {
          ...from(on.snapshots, 'BANK_DEPOSIT', made.head.id),
          accountNumber: `6222${uniqueNumber()}`,
          depositType: 'TIME',
          balanceFen: BigInt(2 * 24 * STANDARD + offset),
          openedOn: day('2020-01-01'),
        },
      });
      const result = await assessHousehold(pool, made.household.id, AS_OF);
      expect(result.flags).toEqual(flags);
      expect(appliedRule(result, 'FINANCIAL_ASSET_LIMIT')).toMatchObject({
        holds: flags.length === 0,
        figures: { reading },
      });
    },
  );
});

describe('vehicle exemption', () => {
  async function vehicle(on: World, vehicleType: 'PASSENGER_CAR' | 'MOTORCYCLE', estimatedValueFen: bigint) {
    const made = await on.household({ members: 1, birthYears: [1980] });
    await prisma.vehicleRecord.create({
      data: {
        ...from(on.snapshots, 'VEHICLE', made.head.id),
        plateNumber: `宁A${uniqueNumber()}`,
        vehicleType,
        brand: '五菱',
        registeredOn: day('2020-01-01'),
        estimatedValueFen,
      },
    });
    return (await assessHousehold(pool, made.household.id, AS_OF)).flags;
  }

  it.each([
    [-1, []],
    [0, []],
    [1, ['NON_EXEMPT_VEHICLE']],
  ])('a car %i fen from the exempt value gives %j', async (offset, flags) => {
    expect(await vehicle(below, 'PASSENGER_CAR', BigInt(3_000_000 + offset))).toEqual(flags);
  });

  it.each([
    [-1, []],
    [0, ['NON_EXEMPT_VEHICLE']],
    [1, ['NON_EXEMPT_VEHICLE']],
  ])('read BELOW: a car %i fen from the exempt value gives %j', async (offset, flags) => {
    expect(await vehicle(strictAssets, 'PASSENGER_CAR', BigInt(3_000_000 + offset))).toEqual(flags);
  });

  it('exempts a motorcycle by type, and not where the region exempts no type', async () => {
    expect(await vehicle(below, 'MOTORCYCLE', 9_000_000n)).toEqual([]);
    const strict = await world({ exemptVehicleTypes: [] });
    expect(await vehicle(strict, 'MOTORCYCLE', 9_000_000n)).toEqual(['NON_EXEMPT_VEHICLE']);
  });
});

describe('residential area cap', () => {
  let capped: World;
  beforeAll(async () => {
    capped = await world({ residentialAreaPerPersonCapM2: '30', maxHomes: 1 });
  });

  async function homes(areas: string[], on = capped) {
    const made = await on.household({ members: 2, birthYears: [1980, 1982] });
    for (const areaM2 of areas) {
      await prisma.propertyRecord.create({
        data: {
          ...from(on.snapshots, 'REAL_ESTATE', made.head.id),
          certificateNumber: `宁(2020)${uniqueNumber()}`,
          address: `某小区${uniqueNumber()}号`,
          regionCode: on.regions.county.code,
          use: 'RESIDENTIAL',
          areaM2,
          acquiredOn: day('2020-01-01'),
        },
      });
    }
    return assessHousehold(pool, made.household.id, AS_OF);
  }

  it.each([
    ['59.99', []],
    ['60.00', []],
    ['60.01', ['EXCESS_PROPERTY']],
  ])('one home of %s m² for two members under a 30 m² cap gives %j', async (area, flags) => {
    expect((await homes([area])).flags).toEqual(flags);
  });

  it.each([
    ['59.99', []],
    ['60.00', ['EXCESS_PROPERTY']],
    ['60.01', ['EXCESS_PROPERTY']],
  ])('read BELOW: one home of %s m² for two members under a 30 m² cap gives %j', async (area, flags) => {
    const result = await homes([area], strictAssets);
    expect(result.flags).toEqual(flags);
    expect(appliedRule(result, 'PROPERTY_LIMIT')?.figures).toMatchObject({ reading: 'BELOW' });
  });

  it('counts homes: a second small home breaks the one-home limit', async () => {
    const result = await homes(['20.00', '20.00']);
    expect(result.flags).toEqual(['EXCESS_PROPERTY']);
    expect(appliedRule(result, 'PROPERTY_LIMIT')?.figures).toMatchObject({ homes: 2, maxHomes: 1 });
  });
});

// 分档 (yinchuan-2021 二(四)): the amount of the first tier whose bound per-capita income is below.
describe('benefit tier bound', () => {
  let tiered: World;
  beforeAll(async () => {
    tiered = await world({
      benefitMethod: 'TIERS',
      benefitTiers: [
        { perCapitaIncomeBelowFen: 40_000, monthlyPerMemberFen: 60_000 },
        { perCapitaIncomeBelowFen: STANDARD, monthlyPerMemberFen: 30_000 },
      ],
    });
  });

  it.each([
    [-1, '120000'],
    [0, '60000'],
    [1, '60000'],
  ])('pays two members %i fen a head from the first tier’s bound %s fen', async (offset, benefit) => {
    const result = await earning(tiered, 2, 2 * (40_000 + offset));
    expect(result).toMatchObject({ classification: 'MINIMUM_LIVING', monthly_benefit_fen: benefit });
    expect(appliedRule(result, 'BENEFIT_AMOUNT')?.figures).toMatchObject({ method: 'TIERS' });
  });
});
