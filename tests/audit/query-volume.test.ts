import { serviceDay } from '@hub/schema/calendar/service-day';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { auditEntryDraft, insertBackdatedAuditEntries } from '../factories/audit-entries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
afterAll(() => pool.end());

const QUERY = `query ($days: Int) {
  queryVolume(days: $days) { day department { id code } allowed denied }
}`;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Midnight China Standard Time, which is 16:00 UTC the day before.
const todayStarts = new Date(serviceDay().getTime() - 8 * HOUR_MS);
const isoDay = (daysAgo: number) => new Date(serviceDay().getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);

const tokens = { admin: '', auditor: '', officer: '', partner: '' };
let bureau: { id: string; code: string };
let bank: { id: string; code: string };

type Volume = { day: string; department: { id: string; code: string }; allowed: number; denied: number };
const volumesOf = (rows: Volume[] | undefined) =>
  (rows ?? [])
    .filter((row) => row.department.id === bureau.id || row.department.id === bank.id)
    .map((row) => ({ day: row.day, department: row.department.code, allowed: row.allowed, denied: row.denied }));

beforeAll(async () => {
  const { code: regionCode } = await createRegion(hub.prisma);
  bureau = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
  bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
  const at = (offsetMs: number) => new Date(todayStarts.getTime() + offsetMs);
  // Today's entries fall between midnight and now, whatever the hour: the chain refuses to grow past an entry
  // dated in the future, so an entry dated later today would withhold every answer after it.
  const sinceMidnight = Date.now() - todayStarts.getTime();
  const request = (departmentId: string, occurredAt: Date, decisions: ('ALLOWED' | 'PARTIAL' | 'DENIED')[]) => {
    const first = auditEntryDraft({ departmentId, occurredAt });
    return decisions.map((decision) => ({ ...first, decision }));
  };
  // In time order, as the chain has them.
  await insertBackdatedAuditEntries(pool, [
    ...request(bureau.id, at(-20 * DAY_MS), ['ALLOWED']),
    ...request(bureau.id, at(-3 * DAY_MS), ['ALLOWED']),
    // A minute before midnight China Standard Time is yesterday.
    ...request(bank.id, at(-60_000), ['DENIED', 'DENIED']),
    // Today: a request about two subjects, one of them refused, counts once as allowed; one refused outright.
    ...request(bureau.id, at(sinceMidnight * 0.25), ['ALLOWED', 'DENIED']),
    ...request(bureau.id, at(sinceMidnight * 0.5), ['DENIED']),
    ...request(bureau.id, at(sinceMidnight * 0.75), ['PARTIAL']),
  ]);
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  for (const [who, role] of [
    ['admin', 'ADMIN'],
    ['auditor', 'AUDITOR'],
    ['officer', 'VERIFICATION_OFFICER'],
  ] as const) {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: civilAffairs.id });
    tokens[who] = await hub.logIn(user.username, password);
  }
  tokens.partner = await createPartnerToken(hub.prisma, bureau.id);
});

describe('queryVolume(days:)', () => {
  it('counts requests per service day and department over the last 14 days, allowed and denied', async () => {
    const answer = await hub.graphql<{ queryVolume: Volume[] }>(QUERY, { token: tokens.auditor });
    expect(answer.errors).toBeUndefined();
    expect(volumesOf(answer.data?.queryVolume)).toEqual([
      { day: isoDay(3), department: bureau.code, allowed: 1, denied: 0 },
      { day: isoDay(1), department: bank.code, allowed: 0, denied: 1 },
      { day: isoDay(0), department: bureau.code, allowed: 2, denied: 1 },
    ]);
  });

  it('reaches further back when asked, and only to today when asked for one day', async () => {
    const month = await hub.graphql<{ queryVolume: Volume[] }>(QUERY, { token: tokens.admin, variables: { days: 30 } });
    expect(volumesOf(month.data?.queryVolume)[0]).toEqual({
      day: isoDay(20),
      department: bureau.code,
      allowed: 1,
      denied: 0,
    });
    const today = await hub.graphql<{ queryVolume: Volume[] }>(QUERY, { token: tokens.admin, variables: { days: 1 } });
    expect(volumesOf(today.data?.queryVolume)).toEqual([
      { day: isoDay(0), department: bureau.code, allowed: 2, denied: 1 },
    ]);
  });

  it.each([0, 91, -5])('refuses %i days with BAD_USER_INPUT naming the argument', async (days) => {
    const answer = await hub.graphql(QUERY, { token: tokens.auditor, variables: { days } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'OUT_OF_RANGE',
      field: 'days',
    });
  });

  it.each(['officer', 'partner'] as const)('is refused to the %s with FORBIDDEN', async (who) => {
    const answer = await hub.graphql(QUERY, { token: tokens[who] });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
