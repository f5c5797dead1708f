import { calendarDay } from './inputs/calendar-day.ts';

// The hub's people work in China Standard Time (UTC+8, no daylight saving), whatever the browser's own zone.
const OFFSET_MS = 8 * 3_600_000;

/** An instant as people read it, in China Standard Time: "2026-12-05 14:03:09", in either UI language. */
export function formatChinaTime(value: Date | string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return '—';
  const wall = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, options.seconds === false ? 16 : 19)}`;
}

/** An instant as a datetime-local input shows it, in China Standard Time ("2026-12-05T14:03"); '' for none. */
export function toChinaWallClock(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** What a datetime-local input holds ("2026-12-05T14:03", China Standard Time) as an ISO instant; null for none. */
export function fromChinaWallClock(text: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(text ?? '');
  if (!match) return null;
  const instant = new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}+08:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The last day of the month before the current one in China Standard Time ("2026-11-30"): a review's usual as-of. */
export function lastMonthEndInChina(now: Date = new Date()): string {
  const wall = new Date(now.getTime() + OFFSET_MS);
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), 0)).toISOString().slice(0, 10);
}

const TYPED_TIME = /^\s*(.+?日?)(?:\s*[T\s]\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?\s*$/;

/**
 * A time typed in China Standard Time as an ISO instant: "2026-12-05 14:03", "2026/12/5 14:03:09" or
 * "2026年12月5日 14:03"; a date alone is its first minute. Null when it is no such time.
 */
export function chinaTimeFromText(text: string | null | undefined): string | null {
  const match = TYPED_TIME.exec(text ?? '');
  const day = match?.[1] ? calendarDay(match[1]) : null;
  if (!match || !day) return null;
  const [hours, minutes, seconds] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const pad = (value: number) => String(value).padStart(2, '0');
  return new Date(`${day}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}+08:00`).toISOString();
}

/** Today's date in China Standard Time ("2026-12-06"), whatever the browser's zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
