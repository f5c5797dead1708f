import { describe, expect, it } from 'vitest';
import { calendarDay } from './calendar-day.ts';

describe('a typed calendar day', () => {
  it('keeps 2026-12-05 and normalises the other ways people write it', () => {
    expect(calendarDay('2026-12-05')).toBe('2026-12-05');
    expect(calendarDay('2026/12/5')).toBe('2026-12-05');
    expect(calendarDay('2026.1.31')).toBe('2026-01-31');
    expect(calendarDay('2026年12月5日')).toBe('2026-12-05');
  });

  it('refuses days that do not exist and text that is no date', () => {
    expect(calendarDay('2026-02-30')).toBeNull();
    expect(calendarDay('2026-13-01')).toBeNull();
    expect(calendarDay('12/05/2026')).toBeNull();
    expect(calendarDay('2026-12')).toBeNull();
  });
});
