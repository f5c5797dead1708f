import { createRequire } from 'node:module';

// China's official calendar (国务院办公厅 holiday notices: holidays and the Saturdays or Sundays worked in lieu) from
// the `chinese-days` package. It ships as CommonJS without named exports Node can detect, hence require.
const { isWorkday } = createRequire(import.meta.url)('chinese-days') as typeof import('chinese-days');

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) an instant falls on in China Standard Time. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10);
}

export function isOfficialWorkday(day: string): boolean {
  return isWorkday(day);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * The `count`th official working day after `day` (the day itself never counts, so a case opened on a holiday starts
 * counting at the next working day). A year the package has no notice for yet counts Monday to Friday.
 */
export function addWorkingDays(day: string, count: number): string {
  let current = day;
  for (let counted = 0; counted < count; ) {
    current = nextDay(current);
    if (isOfficialWorkday(current)) counted += 1;
  }
  return current;
}
