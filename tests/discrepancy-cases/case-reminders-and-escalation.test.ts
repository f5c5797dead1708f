import { createPrismaClient } from '@hub/prisma';
import { createDiscrepancyCaseSweeper } from '@hub/server/discrepancy-cases/create-discrepancy-case-sweeper';
import { readDiscrepancyCasePolicy } from '@hub/server/discrepancy-cases/discrepancy-case-policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscrepancyCase } from '../factories/discrepancy-cases.ts';
import { createRegionTree } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
afterAll(() => prisma.$disconnect());

// Wednesday 2026-09-30, 09:00 China Standard Time (the evening before in UTC); National Day follows.
const clock = { now: new Date('2026-09-30T01:00:00Z') };
const sweeper = createDiscrepancyCaseSweeper(db.url, {
  everyMs: 24 * 60 * 60_000,
  policy: readDiscrepancyCasePolicy({ HUB_CASE_REMINDER_WORKING_DAYS: '3' }),
  now: () => clock.now,
});
afterAll(() => sweeper.close());

const { county, township } = await createRegionTree(prisma);
const open = (dueOn: string, status?: 'DECIDED') =>
  createDiscrepancyCase(prisma, { townshipCode: township.code, dueOn, status }).then((created) => created.case);
const cases = { dueAfterHoliday: '', dueLater: '', overdue: '', decided: '' };
const eventsOf = async (caseId: string) =>
  (await prisma.discrepancyCaseEvent.findMany({ where: { caseId }, orderBy: { occurredAt: 'asc' } })).map((event) => [
    event.type,
    event.actorName,
    event.details,
  ]);

beforeAll(async () => {
  cases.dueAfterHoliday = (await open('2026-10-09')).id;
  cases.dueLater = (await open('2026-10-23')).id;
  cases.overdue = (await open('2026-09-29')).id;
  cases.decided = (await open('2026-09-01', 'DECIDED')).id;
  await sweeper.sweep();
});

describe('the case sweeper', () => {
  it('reminds a case due within 3 working days, the holiday not counted', async () => {
    // 10-08, 10-09 and the adjusted Saturday 10-10 are the next three working days after 09-30.
    expect(await eventsOf(cases.dueAfterHoliday)).toEqual([
      ['OPENED', 'hub', expect.anything()],
      ['REMINDED', 'hub', { dueOn: '2026-10-09' }],
    ]);
    expect((await eventsOf(cases.dueLater)).map(([type]) => type)).toEqual(['OPENED']);
  });

  it('escalates an overdue case to the county above its township', async () => {
    const escalated = await prisma.discrepancyCase.findUniqueOrThrow({ where: { id: cases.overdue } });
    expect(escalated.escalatedToRegionCode).toBe(county.code);
    expect(await eventsOf(cases.overdue)).toEqual([
      ['OPENED', 'hub', expect.anything()],
      ['ESCALATED', 'hub', { dueOn: '2026-09-29', toRegionCode: county.code }],
    ]);
  });

  it('leaves a decided case alone, and reminds or escalates each case once', async () => {
    expect((await eventsOf(cases.decided)).map(([type]) => type)).toEqual(['OPENED']);
    clock.now = new Date('2026-10-12T01:00:00Z');
    await sweeper.sweep();
    expect((await eventsOf(cases.overdue)).map(([type]) => type)).toEqual(['OPENED', 'ESCALATED']);
    // Now overdue too (due 10-09, today 10-12): escalated, never reminded twice.
    expect((await eventsOf(cases.dueAfterHoliday)).map(([type]) => type)).toEqual(['OPENED', 'REMINDED', 'ESCALATED']);
  });
});
