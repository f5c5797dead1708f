import pg from 'pg';
import type { DiscrepancyCasePolicy } from './discrepancy-case-policy.ts';
import { chinaDay } from './official-working-days.ts';
import { sweepDiscrepancyCases } from './sweep-discrepancy-cases.ts';

/**
 * Sweeps the cases for reminders and escalations every `everyMs` in this process (the first time one interval after
 * the start), by the clock given; the timer never keeps the process alive, and `close` waits for a sweep under way.
 * A sweep that fails (the database away) is tried again at the next interval.
 */
export function createDiscrepancyCaseSweeper(
  databaseUrl: string,
  options: {
    everyMs: number;
    policy: DiscrepancyCasePolicy;
    now?: () => Date;
    onSwept?: (swept: { reminded: number; escalated: number }) => void;
  },
): { sweep(): Promise<void>; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => {});
  const now = options.now ?? (() => new Date());
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= sweepDiscrepancyCases(pool, {
      today: chinaDay(now()),
      reminderWorkingDays: options.policy.reminderWorkingDays,
    })
      .then((swept) => options.onSwept?.(swept))
      .catch(() => {})
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  };
  const timer = setInterval(sweep, options.everyMs).unref();
  return {
    sweep,
    async close() {
      clearInterval(timer);
      await sweeping;
      await pool.end();
    },
  };
}
