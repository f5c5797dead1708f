import { type AssistanceKind, type CaseStatus, createPrismaClient, sqlPoolOf } from '@hub/prisma';
import { serviceDay } from '@hub/schema/calendar/service-day';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCurrentCases } from '../../server/src/lookups/find-current-cases.ts';
import { findPersonWithHousehold } from '../../server/src/lookups/find-person-with-household.ts';
import { createHousehold, createPerson } from '../factories/households.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The partner query's reads skip Prisma (server/src/lookups); the graph must not be able to tell.
const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
afterAll(() => prisma.$disconnect());

const DAY_MS = 24 * 60 * 60 * 1000;
const today = serviceDay();
const daysFromToday = (days: number) => new Date(today.getTime() + days * DAY_MS);

let family: Awaited<ReturnType<typeof createHousehold>>;
let loner: Awaited<ReturnType<typeof createPerson>>;

beforeAll(async () => {
  const { county } = await createRegionTree(prisma);
  family = await createHousehold(prisma, { regionCode: county.code });
  await prisma.household.update({ where: { id: family.household.id }, data: { registerNumber: `R${Date.now()}` } });
  loner = await createPerson(prisma, { birthDate: '1960-02-29' });
  const cases: [AssistanceKind, CaseStatus, number, number | null][] = [
    ['MINIMUM_LIVING_GUARANTEE', 'ACTIVE', -400, null], // current
    ['LOW_INCOME', 'GRACE_PERIOD', -30, 60], // current: in its grace period
    ['EXTREME_POVERTY', 'ACTIVE', -10, 0], // current: its last day is today
    ['LOW_INCOME', 'ACTIVE', -400, -1], // ended yesterday
    ['MINIMUM_LIVING_GUARANTEE', 'ACTIVE', 1, null], // begins tomorrow
    ['EXTREME_POVERTY', 'TERMINATED', -400, null], // terminated
  ];
  for (const [kind, status, started, ended] of cases) {
    await prisma.assistanceCase.create({
      data: {
        householdId: family.household.id,
        kind,
        status,
        startedOn: daysFromToday(started),
        endedOn: ended === null ? null : daysFromToday(ended),
        monthlyAmountFen: 50_000,
      },
    });
  }
});

describe('the partner lookups', () => {
  it('read a person and their household exactly as Prisma does, with the cases the cases lookup reads', async () => {
    const pool = sqlPoolOf(prisma);
    for (const idNumber of [family.head.idNumber, family.child.idNumber, loner.idNumber]) {
      const expected = await prisma.person.findUnique({ where: { idNumber }, include: { household: true } });
      const found = await findPersonWithHousehold(pool, idNumber, today);
      expect(found?.person).toEqual(expected);
      const householdId = expected?.household?.id;
      expect(found?.currentCases).toEqual(householdId ? await findCurrentCases(pool, householdId, today) : []);
    }
    const child = await findPersonWithHousehold(pool, family.child.idNumber, today);
    expect(child?.currentCases.map((c) => c.kind)).toEqual([
      'MINIMUM_LIVING_GUARANTEE',
      'LOW_INCOME',
      'EXTREME_POVERTY',
    ]);
    // Another day, other cases: tomorrow the 特困 case has ended and the second 低保 case has begun.
    expect((await findPersonWithHousehold(pool, family.child.idNumber, daysFromToday(1)))?.currentCases).toEqual(
      await findCurrentCases(pool, family.household.id, daysFromToday(1)),
    );
    expect(await findPersonWithHousehold(pool, uniqueIdNumber().idNumber, today)).toBeNull();
  });

  it("read the cases current today (active or in their grace period, begun and not ended) as Prisma's filter does", async () => {
    const expected = await prisma.assistanceCase.findMany({
      where: {
        householdId: family.household.id,
        status: { in: ['ACTIVE', 'GRACE_PERIOD'] },
        startedOn: { lte: today },
        OR: [{ endedOn: null }, { endedOn: { gte: today } }],
      },
      orderBy: [{ startedOn: 'asc' }, { id: 'asc' }],
      select: { kind: true, status: true, startedOn: true },
    });
    expect(expected).toHaveLength(3);
    expect(await findCurrentCases(sqlPoolOf(prisma), family.household.id, today)).toEqual(expected);
  });
});
