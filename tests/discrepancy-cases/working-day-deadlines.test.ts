import { readDiscrepancyCasePolicy } from '@hub/server/discrepancy-cases/discrepancy-case-policy';
import { addWorkingDays, chinaDay } from '@hub/server/discrepancy-cases/official-working-days';
import { describe, expect, it } from 'vitest';

describe('deadlines in official working days', () => {
  it('skips the National Day holiday and counts the Saturday worked in lieu after it', () => {
    // 2026-10-01..07 are holidays; Saturday 10-10 is a working day.
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('gives a review finding opened on Monday 2026-09-28 until 2026-10-23 (15 working days)', () => {
    expect(addWorkingDays('2026-09-28', 15)).toBe('2026-10-23');
  });

  it('skips the Spring Festival and counts both Saturdays worked in lieu around it', () => {
    // 2026-02-15..23 are holidays; Saturdays 02-14 and 02-28 are working days.
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
  });

  it('starts counting at the next working day when a case opens on a holiday', () => {
    expect(addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
  });

  it('takes the day in China Standard Time, not UTC', () => {
    expect(chinaDay(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(chinaDay(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });
});

describe('the deadline policy', () => {
  it('counts an application’s flag against the 25-working-day approval and a review finding 15', () => {
    const policy = readDiscrepancyCasePolicy({});
    expect(policy.deadlineWorkingDays).toEqual({
      APPLICATION: 25,
      PERIODIC_REVIEW: 15,
      DEATH_CHECK: 15,
      STAFF_RELATIVES: 15,
      POPULATION_MONITORING: 15,
    });
    expect(policy.appealWorkingDays).toBe(15);
  });

  it('takes an installation’s deadlines from the environment', () => {
    const policy = readDiscrepancyCasePolicy({
      HUB_CASE_DEADLINES: 'APPLICATION=40, DEATH_CHECK=5',
      HUB_CASE_APPEAL_WORKING_DAYS: '10',
    });
    expect(policy.deadlineWorkingDays.APPLICATION).toBe(40);
    expect(policy.deadlineWorkingDays.DEATH_CHECK).toBe(5);
    expect(policy.deadlineWorkingDays.PERIODIC_REVIEW).toBe(15);
    expect(policy.appealWorkingDays).toBe(10);
  });

  it('refuses an application deadline beyond the 40 working days an extension allows, and unknown kinds', () => {
    expect(() => readDiscrepancyCasePolicy({ HUB_CASE_DEADLINES: 'APPLICATION=41' })).toThrow(/1 to 40/);
    expect(() => readDiscrepancyCasePolicy({ HUB_CASE_DEADLINES: 'AUDIT=3' })).toThrow(/unknown comparison kind/);
  });
});
