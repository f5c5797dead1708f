// An agreement about to lapse is flagged this many days ahead, so it can be renewed in time.
export const EXPIRY_WARNING_DAYS = 30;

/** Whole days from today (the reader's calendar) until the agreement's last valid day; negative once past. */
export function daysUntilExpiry(validUntil: string, today = new Date()): number {
  const end = Date.UTC(...(validUntil.split('-').map(Number) as [number, number, number]));
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - start) / 86_400_000);
}
