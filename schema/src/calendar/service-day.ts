// Agreements, consents and quotas run by the calendar of the departments that sign them: China Standard Time.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The service day (Asia/Shanghai) of an instant, as a UTC-midnight Date: how Prisma reads and writes DATE columns. */
export function serviceDay(now: Date = new Date()): Date {
  return new Date(`${SHANGHAI_DAY.format(now)}T00:00:00Z`);
}

/** Whether a DATE-column day lies within [from, until], both ends inclusive. */
export function isWithinDays(day: Date, from: Date, until: Date): boolean {
  return from.getTime() <= day.getTime() && day.getTime() <= until.getTime();
}
