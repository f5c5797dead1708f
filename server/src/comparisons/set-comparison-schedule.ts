import type { ComparisonKind } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';
import type pg from 'pg';
import { isOftenEnoughForPeriodicReview, isRegionalKind } from './rules.ts';
import { nextScheduledRunAt } from './schedule-dates.ts';

export interface SetComparisonScheduleInput {
  regionCode: string;
  kind?: ComparisonKind | null;
  /** Months of the year, 1–12; twice a year (1 January and 1 July) unless given. */
  months?: readonly number[] | null;
  /** The day of those months, 1–28, so every month has it. */
  dayOfMonth?: number | null;
  createdById?: string | null;
}

export const DEFAULT_SCHEDULE_MONTHS: readonly number[] = [1, 7];

/**
 * Schedules the region's comparisons of one kind (one schedule per region and kind: setting it again replaces
 * it and enables it). Its first run is the next scheduled midnight, China Standard Time.
 */
export async function setComparisonSchedule(
  pool: pg.Pool,
  input: SetComparisonScheduleInput,
  now: Date = new Date(),
): Promise<{ id: string }> {
  const kind = input.kind ?? 'PERIODIC_REVIEW';
  const months = [...new Set(input.months ?? DEFAULT_SCHEDULE_MONTHS)].sort((a, b) => a - b);
  const dayOfMonth = input.dayOfMonth ?? 1;
  if (!isRegionalKind(kind)) {
    throw badUserInputError(
      'REGIONAL_KIND_REQUIRED',
      'kind: an APPLICATION run checks named households and is not scheduled',
    );
  }
  if (months.length === 0 || months.some((month) => !Number.isInteger(month) || month < 1 || month > 12)) {
    throw badUserInputError('INVALID_MONTHS', 'months: months of the year, each a whole number from 1 to 12');
  }
  if (kind === 'PERIODIC_REVIEW' && !isOftenEnoughForPeriodicReview(months)) {
    throw badUserInputError(
      'TOO_FEW_REVIEWS',
      'months: enrolled households are compared again at least twice a year (在保对象每年至少比对2次); name two months or more',
    );
  }
  if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 28) {
    throw badUserInputError('INVALID_DAY_OF_MONTH', 'dayOfMonth: a day from 1 to 28, which every month has');
  }
  const region = await pool.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode]);
  if (region.rowCount === 0) {
    throw badUserInputError('UNKNOWN_REGION', `regionCode: the hub knows no region ${input.regionCode}`);
  }
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO comparison_schedules (region_code, kind, months, day_of_month, next_run_at, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (region_code, kind) DO UPDATE
        SET months = excluded.months, day_of_month = excluded.day_of_month, next_run_at = excluded.next_run_at,
            enabled = true, last_failure = NULL, updated_at = now()
     RETURNING id`,
    [
      input.regionCode,
      kind,
      months,
      dayOfMonth,
      nextScheduledRunAt({ months, dayOfMonth }, now),
      input.createdById ?? null,
    ],
  );
  return rows[0] as { id: string };
}
