import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessHousehold, createAssessmentWorld } from '../factories/assessed-households.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// An administrator changes a region's reading of a line or a multiplier through GraphQL: the next run decides by
// it, and the change is kept with its old and new values and the request's audit entry.

const AS_OF = '2026-10-31';
const STANDARD = 80_000;
const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
let admin = '';
let adminId = '';
let world: Awaited<ReturnType<typeof createAssessmentWorld>>;

const SET = `mutation ChangePolicy($input: SetAssistanceStandardInput!) {
  setAssistanceStandard(input: $input) { id minimumLivingLine lowIncomeMultiplier changes { oldValues newValues } }
}`;

beforeAll(async () => {
  world = await createAssessmentWorld(hub.prisma, { minimumLivingMonthlyFen: STANDARD, year: 2026 });
  const civilAffairs = await createDepartment(hub.prisma, {
    kind: 'CIVIL_AFFAIRS',
    regionCode: world.regions.city.code,
  });
  const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId: civilAffairs.id });
  adminId = user.id;
  admin = await hub.logIn(user.username, password);
});
afterAll(() => pool.end());

const change = (figures: Record<string, unknown>) =>
  hub.graphql<{ setAssistanceStandard: { id: string; changes: { oldValues: string; newValues: string }[] } }>(SET, {
    token: admin,
    variables: {
      input: {
        regionCode: world.regions.county.code,
        year: 2026,
        areaType: 'URBAN',
        minimumLivingMonthlyFen: STANDARD,
        ...figures,
      },
    },
  });

describe('changing a policy through the API', () => {
  it('reads the 低保 line AT_OR_BELOW in the next run once the administrator says so, and keeps the change', async () => {
    const made = await world.household({ members: 2, birthYears: [1980, 1982] });
    await world.wage(made.head.id, 2 * STANDARD);
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'BETWEEN_LINES',
      flags: ['INCOME_ABOVE_STANDARD'],
    });

    const answer = await change({ minimumLivingLine: 'AT_OR_BELOW' });
    expect(answer.errors).toBeUndefined();
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'MINIMUM_LIVING',
      flags: [],
    });

    const [latest] = answer.data?.setAssistanceStandard.changes ?? [];
    expect(JSON.parse(latest?.oldValues ?? '{}')).toEqual({ minimumLivingLine: 'BELOW' });
    expect(JSON.parse(latest?.newValues ?? '{}')).toEqual({ minimumLivingLine: 'AT_OR_BELOW' });
    const stored = await hub.prisma.assistanceStandardChange.findFirstOrThrow({
      where: { standardId: answer.data?.setAssistanceStandard.id },
      orderBy: { changedAt: 'desc' },
    });
    expect(stored.changedById).toBe(adminId);
    const requestId = answer.headers.get('x-request-id') ?? '';
    // The change's typed event, written in its transaction, then the request's own entry.
    expect(await hub.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { sequence: 'asc' } })).toEqual([
      expect.objectContaining({
        userId: adminId,
        event: 'STANDARD_CHANGED',
        change: expect.objectContaining({
          changes: [{ field: 'minimumLivingLine', old: 'BELOW', new: 'AT_OR_BELOW' }],
        }),
      }),
      expect.objectContaining({ userId: adminId, operation: 'ChangePolicy', decision: 'ALLOWED', event: null }),
    ]);
  });

  it('keeps a low-income household at 1.55 × the standard in its band once the multiplier is 1.6, not before', async () => {
    const made = await world.household({ members: 2, birthYears: [1980, 1982], caseKind: 'LOW_INCOME' });
    await world.wage(made.head.id, 2 * 1.55 * STANDARD);
    expect((await assessHousehold(pool, made.household.id, AS_OF)).flags).toEqual(['INCOME_ABOVE_STANDARD']);
    const answer = await change({ lowIncomeMultiplier: '1.6' });
    expect(answer.errors).toBeUndefined();
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'LOW_INCOME',
      flags: [],
    });
    const [latest] = answer.data?.setAssistanceStandard.changes ?? [];
    expect(JSON.parse(latest?.oldValues ?? '{}')).toEqual({ lowIncomeMultiplier: '1.5' });
    expect(JSON.parse(latest?.newValues ?? '{}')).toEqual({ lowIncomeMultiplier: '1.6' });
    const requestId = answer.headers.get('x-request-id') ?? '';
    expect(await hub.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { sequence: 'asc' } })).toEqual([
      expect.objectContaining({
        userId: adminId,
        event: 'STANDARD_CHANGED',
        change: expect.objectContaining({
          standardId: answer.data?.setAssistanceStandard.id,
          changes: [{ field: 'lowIncomeMultiplier', old: '1.5', new: '1.6' }],
        }),
      }),
      expect.objectContaining({ userId: adminId, operation: 'ChangePolicy', decision: 'ALLOWED', event: null }),
    ]);
  });

  it('assesses an elderly 特困 person at 1.35 × the standard outside the 特困 standard until the multiplier is 1.4', async () => {
    const made = await world.household({ members: 1, birthYears: [1950], caseKind: 'EXTREME_POVERTY' });
    await world.wage(made.head.id, 1.35 * STANDARD);
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'LOW_INCOME',
      flags: ['INCOME_ABOVE_STANDARD'],
    });
    const answer = await change({ extremePovertyMultiplier: '1.4' });
    expect(answer.errors).toBeUndefined();
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'EXTREME_POVERTY',
      flags: [],
      monthly_benefit_fen: String(1.4 * STANDARD),
    });
    const requestId = answer.headers.get('x-request-id') ?? '';
    const [event] = await hub.prisma.auditEntry.findMany({ where: { requestId, event: 'STANDARD_CHANGED' } });
    expect(event?.change).toMatchObject({ changes: [{ field: 'extremePovertyMultiplier', old: '1.3', new: '1.4' }] });
  });

  it('classes a household exactly on the standard 低收入 once the floor is read AT_OR_ABOVE, and keeps the change', async () => {
    expect((await change({ minimumLivingLine: 'BELOW' })).errors).toBeUndefined();
    const made = await world.household({ members: 2, birthYears: [1980, 1982], caseKind: 'LOW_INCOME' });
    await world.wage(made.head.id, 2 * STANDARD);
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({ classification: 'BETWEEN_LINES' });
    const answer = await change({ lowIncomeFloor: 'AT_OR_ABOVE' });
    expect(answer.errors).toBeUndefined();
    expect(await assessHousehold(pool, made.household.id, AS_OF)).toMatchObject({
      classification: 'LOW_INCOME',
      flags: [],
    });
    const [latest] = answer.data?.setAssistanceStandard.changes ?? [];
    expect(JSON.parse(latest?.oldValues ?? '{}')).toEqual({ lowIncomeFloor: 'ABOVE' });
    expect(JSON.parse(latest?.newValues ?? '{}')).toEqual({ lowIncomeFloor: 'AT_OR_ABOVE' });
  });

  it('refuses citations without a paragraph, and changes nothing', async () => {
    const before = await hub.prisma.assistanceStandardChange.count();
    const answer = await change({ citations: [{ rule: 'LOW_INCOME_LINE', document: 'tieling-2021', paragraph: ' ' }] });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'citations' });
    expect(await hub.prisma.assistanceStandardChange.count()).toBe(before);
  });
});
