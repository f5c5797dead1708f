import type { QueryVolume } from '@hub/schema/context';
import type pg from 'pg';

// Each request leaves one entry per subject (a typed change event is no request and is not counted); a request counts once, as denied when every one of its entries was.
// Days are service days (China Standard Time), from the start of the first through now: one range scan of
// audit_entries(occurred_at), grouped in one pass. A DATE comes back as text, so that no time zone shifts it.
const QUERY_VOLUME_SQL = `
  WITH requests AS (
    SELECT (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day, department_id, request_id,
           bool_and(decision = 'DENIED') AS denied
      FROM audit_entries
     WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND department_id IS NOT NULL
       AND event IS NULL
     GROUP BY 1, 2, 3
  )
  SELECT day::text AS day, department_id AS "departmentId",
         count(*) FILTER (WHERE NOT denied)::int AS allowed, count(*) FILTER (WHERE denied)::int AS denied
    FROM requests
   GROUP BY day, department_id
   ORDER BY day, department_id`;

/** Requests per service day and department from `firstDay` (YYYY-MM-DD, China Standard Time) on. */
export async function countQueryVolume(pool: pg.Pool, firstDay: string): Promise<QueryVolume[]> {
  const { rows } = await pool.query<{ day: string; departmentId: string; allowed: number; denied: number }>(
    QUERY_VOLUME_SQL,
    [firstDay],
  );
  return rows.map((row) => ({ ...row, day: new Date(`${row.day}T00:00:00Z`) }));
}
