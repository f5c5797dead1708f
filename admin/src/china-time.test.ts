import { describe, expect, it } from 'vitest';
import {
  chinaTimeFromText,
  formatChinaTime,
  fromChinaWallClock,
  lastMonthEndInChina,
  toChinaWallClock,
} from './china-time.ts';

describe('China Standard Time in the portal', () => {
  it('shows an instant in UTC+8, across the date line of UTC', () => {
    expect(formatChinaTime('2026-12-05T16:30:05.123Z')).toBe('2026-12-06 00:30:05');
    expect(formatChinaTime(new Date('2026-12-05T01:02:03Z'), { seconds: false })).toBe('2026-12-05 09:02');
    expect(formatChinaTime(null)).toBe('—');
    expect(formatChinaTime('not a date')).toBe('—');
  });

  it('round-trips what a datetime-local input holds', () => {
    expect(toChinaWallClock('2026-12-05T16:30:00Z')).toBe('2026-12-06T00:30');
    expect(fromChinaWallClock('2026-12-06T00:30')).toBe('2026-12-05T16:30:00.000Z');
    expect(fromChinaWallClock('2026-12-06T00:30:15')).toBe('2026-12-05T16:30:15.000Z');
    expect(fromChinaWallClock('')).toBeNull();
    expect(fromChinaWallClock('2026-13-45T99:00')).toBeNull();
  });
});

describe('the last month end in China Standard Time', () => {
  it('is the last day of the previous Chinese month, even when UTC is still in the month before', () => {
    expect(lastMonthEndInChina(new Date('2026-12-06T01:00:00Z'))).toBe('2026-11-30');
    // 2027-01-01 00:30 in Beijing is still 2026-12-31 in UTC: the month that just ended is December.
    expect(lastMonthEndInChina(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12-31');
    expect(lastMonthEndInChina(new Date('2028-03-10T00:00:00Z'))).toBe('2028-02-29');
  });
});

describe('a time typed in China Standard Time', () => {
  it('reads the ways people write it, and nothing else', () => {
    expect(chinaTimeFromText('2026-12-06 00:30')).toBe('2026-12-05T16:30:00.000Z');
    expect(chinaTimeFromText('2026/12/6 0:30:15')).toBe('2026-12-05T16:30:15.000Z');
    expect(chinaTimeFromText('2026年12月6日 08:00')).toBe('2026-12-06T00:00:00.000Z');
    expect(chinaTimeFromText('2026-12-06')).toBe('2026-12-05T16:00:00.000Z');
    expect(chinaTimeFromText('2026-12-0')).toBeNull();
    expect(chinaTimeFromText('2026-12-06 24:00')).toBeNull();
    expect(chinaTimeFromText('')).toBeNull();
  });
});
