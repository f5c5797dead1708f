import { runComparison } from '@hub/server/comparisons/run-comparison';
import { nextScheduledRunAt, scheduledRunAsOf } from '@hub/server/comparisons/schedule-dates';
import { setComparisonSchedule } from '@hub/server/comparisons/set-comparison-schedule';
import { startDueScheduledRuns } from '@hub/server/comparisons/start-due-scheduled-runs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentWorld } from '../factories/assessed-households.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { runHubCommand } from '../support/hub-process.ts';

const database = await createTestDatabase();
const pools = [1, 2].map(() => new pg.Pool({ connectionString: database.url, max: 2 }));
const pool = pools[0] as pg.Pool;
let hub: Awaited<ReturnType<typeof startTestApp>>;
let officer: string;
let auditor: string;

// Midnight China Standard Time is 16:00 UTC the day before.
const CST_MIDNIGHT_1_JULY_2026 = new Date('2026-06-30T16:00:00Z');
const CST_MIDNIGHT_1_JANUARY_2027 = new Date('2026-12-31T16:00:00Z');

// Every region scheduled lies below the centre's own: civil affairs schedules only within its reach.
let centreRegion: string;
const regionWithinReach = () => createRegion(hub.prisma, { level: 'COUNTY', parentCode: centreRegion });

beforeAll(async () => {
  hub = await startTestApp(database.url);
  centreRegion = (await createRegion(hub.prisma)).code;
  const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: centreRegion });
  const login = async (role: 'VERIFICATION_OFFICER' | 'AUDITOR') => {
    const { user, password } = await createUser(hub.prisma, { role, departmentId: centre.id });
    return hub.logIn(user.username, password);
  };
  officer = await login('VERIFICATION_OFFICER');
  auditor = await login('AUDITOR');
});
afterAll(() => Promise.all(pools.map((p) => p.end())));

describe('when a schedule runs', () => {
  it('runs twice a year by default, at midnight China Standard Time on 1 January and 1 July', () => {
    const schedule = { months: [1, 7], dayOfMonth: 1 };
    expect(nextScheduledRunAt(schedule, new Date('2026-12-01T22:00:00Z'))).toEqual(CST_MIDNIGHT_1_JANUARY_2027);
    expect(nextScheduledRunAt(schedule, new Date('2026-12-31T15:59:59Z'))).toEqual(CST_MIDNIGHT_1_JANUARY_2027);
    expect(nextScheduledRunAt(schedule, CST_MIDNIGHT_1_JANUARY_2027)).toEqual(new Date('2027-06-30T16:00:00Z'));
    expect(nextScheduledRunAt({ months: [3, 9], dayOfMonth: 15 }, CST_MIDNIGHT_1_JANUARY_2027)).toEqual(
      new Date('2027-03-14T16:00:00Z'),
    );
  });

  it('compares as of the last day of the month before the run starts, in China Standard Time', () => {
    expect(scheduledRunAsOf(CST_MIDNIGHT_1_JANUARY_2027)).toBe('2026-12-31');
    expect(scheduledRunAsOf(CST_MIDNIGHT_1_JULY_2026)).toBe('2026-06-30');
    // 1 March 00:30 in Beijing is still 28 February in UTC; the as-of date follows Beijing.
    expect(scheduledRunAsOf(new Date('2027-02-28T16:30:00Z'))).toBe('2027-02-28');
    expect(scheduledRunAsOf(new Date('2028-03-01T12:00:00Z'))).toBe('2028-02-29');
  });
});

describe('scheduled runs', () => {
  it('starts each due schedule exactly once when two workers claim at the same moment, and advances it', async () => {
    const regions = await Promise.all(Array.from({ length: 8 }, () => regionWithinReach()));
    const set = new Date('2026-03-10T00:00:00Z');
    const schedules = await Promise.all(
      regions.map((region) => setComparisonSchedule(pool, { regionCode: region.code }, set)),
    );
    const due = new Date(CST_MIDNIGHT_1_JULY_2026.getTime() + 60_000);
    const claims = await Promise.all(pools.map((claimer) => startDueScheduledRuns(claimer, due)));
    const started = claims.flat();
    expect(started.map((start) => start.scheduleId).sort()).toEqual(schedules.map((s) => s.id).sort());
    expect(started.every((start) => start.runId && start.asOf === '2026-06-30' && !start.failure)).toBe(true);
    const runs = await pool.query<{ region_code: string; as_of: string }>(
      `SELECT region_code, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM comparison_runs
        WHERE kind = 'PERIODIC_REVIEW' AND region_code = ANY($1)`,
      [regions.map((region) => region.code)],
    );
    expect(runs.rows.map((run) => run.region_code).sort()).toEqual(regions.map((region) => region.code).sort());
    const after = await hub.prisma.comparisonSchedule.findMany({ where: { id: { in: schedules.map((s) => s.id) } } });
    for (const schedule of after) {
      expect(schedule.nextRunAt).toEqual(CST_MIDNIGHT_1_JANUARY_2027);
      expect(started.find((start) => start.scheduleId === schedule.id)?.runId).toBe(schedule.lastRunId);
    }
    expect(await startDueScheduledRuns(pool, due)).toEqual([]);
  });

  it("assesses the region's enrolled households in the run it starts", async () => {
    const world = await createAssessmentWorld(hub.prisma, { minimumLivingMonthlyFen: 80_000, year: 2026 });
    await world.household({ members: 2 });
    await setComparisonSchedule(pool, { regionCode: world.regions.city.code, months: [1, 7] }, new Date('2026-05-01'));
    const [start] = await startDueScheduledRuns(pool, CST_MIDNIGHT_1_JULY_2026);
    expect(start).toMatchObject({ regionCode: world.regions.city.code, failure: null });
    const progress = await runComparison(pool, start?.runId as string);
    expect(progress).toMatchObject({ status: 'COMPLETED', householdCount: 1, householdsDone: 1 });
  });

  it('records why a run could not start and tries again an hour later, without starting it twice', async () => {
    const world = await createAssessmentWorld(hub.prisma, { minimumLivingMonthlyFen: 80_000, year: 2026 });
    await world.household();
    const { id } = await setComparisonSchedule(pool, { regionCode: world.regions.city.code }, new Date('2025-11-01'));
    // 1 January 2026 compares as of 31 December 2025, a year this region has no standard for.
    const at = new Date('2025-12-31T16:00:00Z');
    const [start] = await startDueScheduledRuns(pool, at);
    expect(start).toMatchObject({ scheduleId: id, runId: null });
    expect(start?.failure).toContain('no assistance standard');
    const schedule = await hub.prisma.comparisonSchedule.findUniqueOrThrow({ where: { id } });
    expect(schedule).toMatchObject({ lastRunId: null, nextRunAt: new Date(at.getTime() + 3_600_000) });
    expect(schedule.lastFailure).toContain('no assistance standard');
    expect(await hub.prisma.comparisonRun.count({ where: { regionCode: world.regions.city.code } })).toBe(0);
  });
});

const SET = `mutation ($input: SetComparisonScheduleInput!) {
  setComparisonSchedule(input: $input) { id kind months dayOfMonth enabled nextRunAt region { code } }
}`;

describe('comparison schedules through GraphQL', () => {
  it('sets a periodic review twice a year by default, lists it, and disables it so no worker starts it', async () => {
    const region = await regionWithinReach();
    const set = await hub.graphql<{ setComparisonSchedule: { id: string; nextRunAt: string } }>(SET, {
      token: officer,
      variables: { input: { regionCode: region.code } },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setComparisonSchedule).toMatchObject({
      kind: 'PERIODIC_REVIEW',
      months: [1, 7],
      dayOfMonth: 1,
      enabled: true,
    });
    const id = set.data?.setComparisonSchedule.id as string;
    expect(nextScheduledRunAt({ months: [1, 7], dayOfMonth: 1 }, new Date()).toISOString()).toBe(
      set.data?.setComparisonSchedule.nextRunAt,
    );
    const listed = await hub.graphql<{ comparisonSchedules: { id: string }[] }>(
      'query ($code: String) { comparisonSchedules(regionCode: $code) { id months } }',
      { token: officer, variables: { code: region.code } },
    );
    expect(listed.data?.comparisonSchedules).toEqual([{ id, months: [1, 7] }]);
    const disabled = await hub.graphql<{ disableComparisonSchedule: { enabled: boolean } }>(
      'mutation ($id: ID!) { disableComparisonSchedule(id: $id) { enabled } }',
      { token: officer, variables: { id } },
    );
    expect(disabled.data?.disableComparisonSchedule.enabled).toBe(false);
    const farFuture = new Date('2099-01-01T00:00:00Z');
    expect((await startDueScheduledRuns(pool, farFuture)).map((start) => start.scheduleId)).not.toContain(id);
  });

  it('refuses a periodic review less than twice a year, a bad month or day, an unknown region, and auditors', async () => {
    const region = await regionWithinReach();
    const reason = async (input: Record<string, unknown>, token = officer) => {
      const answer = await hub.graphql(SET, { token, variables: { input: { regionCode: region.code, ...input } } });
      return answer.errors?.[0]?.extensions?.reason ?? answer.errors?.[0]?.extensions?.code;
    };
    expect(await reason({ months: [1] })).toBe('TOO_FEW_REVIEWS');
    expect(await reason({ months: [1, 1] })).toBe('TOO_FEW_REVIEWS');
    expect(await reason({ months: [0, 7] })).toBe('INVALID_MONTHS');
    expect(await reason({ dayOfMonth: 31 })).toBe('INVALID_DAY_OF_MONTH');
    expect(await reason({ kind: 'APPLICATION' })).toBe('REGIONAL_KIND_REQUIRED');
    expect(await reason({ regionCode: '999999' })).toBe('UNKNOWN_REGION');
    expect(await reason({}, auditor)).toBe('FORBIDDEN');
    expect(await hub.prisma.comparisonSchedule.count({ where: { regionCode: region.code } })).toBe(0);
    // A death check may run monthly: the twice-a-year floor is the periodic review's.
    expect(await reason({ kind: 'DEATH_CHECK', months: [1] })).toBeUndefined();
  });
});

function hub_(args: string[]) {
  return runHubCommand(args, database.url);
}

describe('comparison schedules on the command line', () => {
  it('schedules a region with `hub compare schedule` and lists it with `hub compare schedules`', async () => {
    const region = await regionWithinReach();
    const set = await hub_(['compare', 'schedule', '--region', region.code, '--months', '3,9']);
    expect(set.code).toBe(0);
    expect(set.output).toMatch(
      new RegExp(`PERIODIC_REVIEW of ${region.code} on day 1 of months 3,9; next run \\d{4}-\\d{2}-01 00:00 CST`),
    );
    const listed = await hub_(['compare', 'schedules']);
    expect(listed.output).toMatch(new RegExp(`${region.code} PERIODIC_REVIEW +day 1 of 3,9 +next`));
    const refused = await hub_(['compare', 'schedule', '--region', region.code, '--months', '3']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('至少比对2次');
  });
});
