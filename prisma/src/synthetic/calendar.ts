// Dates are day numbers (days since 1970-01-01, UTC) while generating: integers are cheap to draw and compare,
// and a million persons' worth of Date objects and toISOString calls would cost more than the rest of a row.

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1) / MS_PER_DAY;
const LAST_DAY = Date.UTC(2060, 11, 31) / MS_PER_DAY;
const SPAN = LAST_DAY - FIRST_DAY + 1;

const isoText: string[] = new Array(SPAN);
const compactText: string[] = new Array(SPAN);
const years = new Int16Array(SPAN);
const monthDays = new Int16Array(SPAN); // month × 100 + day, for age arithmetic
for (let offset = 0; offset < SPAN; offset++) {
  const date = new Date((FIRST_DAY + offset) * MS_PER_DAY);
  isoText[offset] = date.toISOString().slice(0, 10);
  compactText[offset] = (isoText[offset] as string).replaceAll('-', '');
  years[offset] = date.getUTCFullYear();
  monthDays[offset] = (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

function offsetOf(day: number): number {
  const offset = day - FIRST_DAY;
  if (offset < 0 || offset >= SPAN) throw new RangeError(`day ${day} is outside 1900–2060`);
  return offset;
}

/** YYYY-MM-DD for a day number. */
export function isoDate(day: number): string {
  return isoText[offsetOf(day)] as string;
}

/** YYYYMMDD, as in identity numbers. */
export function compactDate(day: number): string {
  return compactText[offsetOf(day)] as string;
}

export function dayOf(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  const day = Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
  if (!Number.isInteger(day) || isoDate(day) !== iso) throw new RangeError(`"${iso}" is not a real date`);
  return day;
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

export function yearOf(day: number): number {
  return years[offsetOf(day)] as number;
}

export function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Whole years of age on `onDay` for someone born on `birthDay`. */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = offsetOf(birthDay);
  const on = offsetOf(onDay);
  return (
    (years[on] as number) -
    (years[birth] as number) -
    ((monthDays[on] as number) < (monthDays[birth] as number) ? 1 : 0)
  );
}

/** The same day of the month `months` later (earlier when negative), clamped to the month's last day. */
export function addMonths(day: number, months: number): number {
  const date = dateOf(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return dayFromParts(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(date.getUTCDate(), lastDay));
}

export function firstOfNextMonth(day: number): number {
  const date = dateOf(day);
  return dayFromParts(date.getUTCFullYear(), date.getUTCMonth() + 2, 1);
}

export function lastOfMonth(day: number): number {
  return firstOfNextMonth(day) - 1;
}
