import { Cron } from 'croner';

/** Scheduled comparisons keep China Standard Time, whatever the machine's own zone. */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/** The first midnight (China Standard Time) after `after` that falls on `dayOfMonth` of one of `months`. */
export function nextScheduledRunAt(schedule: { months: readonly number[]; dayOfMonth: number }, after: Date): Date {
  const pattern = `0 0 ${schedule.dayOfMonth} ${[...schedule.months].sort((a, b) => a - b).join(',')} *`;
  const next = new Cron(pattern, { timezone: SCHEDULE_TIME_ZONE, paused: true }).nextRun(after);
  if (!next) throw new Error(`the schedule ${pattern} never runs`);
  return next;
}

/**
 * The as-of date of a run a schedule starts at `startedAt`: the last day of the month before, in China Standard
 * Time. That month is over, so its income is complete and the departments' month-end snapshots cover it; and on
 * 1 January the run still compares against the year whose standard is surely entered.
 */
export function scheduledRunAsOf(startedAt: Date): string {
  const local = new Date(startedAt.getTime() + 8 * 60 * 60 * 1000); // CST is UTC+8 all year (no daylight saving)
  const lastOfPreviousMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 0));
  return lastOfPreviousMonth.toISOString().slice(0, 10);
}
