import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import type pg from 'pg';

/** Stops a schedule from starting runs; the runs it started stay. setComparisonSchedule enables it again. */
export async function disableComparisonSchedule(pool: pg.Pool, id: string): Promise<void> {
  const { rowCount } = isUuid(id)
    ? await pool.query('UPDATE comparison_schedules SET enabled = false, updated_at = now() WHERE id = $1', [id])
    : { rowCount: 0 };
  if (!rowCount) throw notFoundError('no comparison schedule has that id');
}
