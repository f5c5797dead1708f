import { serviceDay } from '@hub/schema/calendar/service-day';
import { describe, expect, it } from 'vitest';

describe('serviceDay', () => {
  it('turns at midnight China Standard Time, which is 16:00 UTC the day before', () => {
    expect(serviceDay(new Date('2026-12-05T15:59:59.999Z')).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(serviceDay(new Date('2026-12-05T16:00:00.000Z')).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(serviceDay(new Date('2026-12-31T16:30:00.000Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(serviceDay(new Date('2028-02-28T16:00:00.000Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('agrees with the Asia/Shanghai calendar hour by hour across a year', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let hour = 0; hour < 366 * 24; hour += 1) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000 + 7 * 60_000);
      expect(serviceDay(instant).toISOString().slice(0, 10)).toBe(format.format(instant));
    }
  });
});
