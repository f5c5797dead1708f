// Agreements, consents and quotas run by the calendar of the departments that sign them: China Standard Time, UTC+8,
// without daylight saving since 1991. Computed arithmetically: Intl's formatter cost several microseconds on every
// access decision of every request (pnpm bench api's CPU profile, docs/benchmarks.md).
const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The service day (Asia/Shanghai) of an instant, as a UTC-midnight Date: how Prisma reads and writes DATE columns. */
export function serviceDay(now: Date = new Date()): Date {
  const shifted = now.getTime() + CHINA_STANDARD_TIME_OFFSET_MS;
  return new Date(shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS));
}

/** Whether a DATE-column day lies within [from, until], both ends inclusive. */
export function isWithinDays(day: Date, from: Date, until: Date): boolean {
  return from.getTime() <= day.getTime() && day.getTime() <= until.getTime();
}
