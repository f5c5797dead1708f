import type { DiscrepancyCaseFigures } from '@hub/schema/context';
import type pg from 'pg';

// Per office or per flag (a case counts under each of its flags): open, overdue (not decided, past its due date),
// decided, and decided by the due date (the first decision, as it was made).
const FIGURES = (key: string) => `
  SELECT ${key} AS key,
         count(*) FILTER (WHERE c.status <> 'CLOSED')::int AS open,
         count(*) FILTER (WHERE c.status IN ('OPEN', 'IN_PROGRESS', 'APPEALED') AND c.due_on < $2::date)::int AS overdue,
         count(*) FILTER (WHERE c.decided_in_time IS NOT NULL)::int AS resolved,
         count(*) FILTER (WHERE c.decided_in_time)::int AS "resolvedInTime"
    FROM discrepancy_cases c ${key === 'flag::text' ? 'CROSS JOIN LATERAL unnest(c.flags) AS flag' : ''}
   WHERE c.office_region_code = ANY($1::text[]) OR c.escalated_to_region_code = ANY($1::text[])
   GROUP BY 1 ORDER BY 1`;

/** The dashboard's figures over the cases of the offices given, as at `today` (China Standard Time). */
export async function countDiscrepancyCases(
  pool: pg.Pool,
  offices: ReadonlySet<string>,
  by: 'OFFICE' | 'FLAG',
  today: string,
): Promise<DiscrepancyCaseFigures[]> {
  if (offices.size === 0) return [];
  const { rows } = await pool.query<DiscrepancyCaseFigures>(
    FIGURES(by === 'OFFICE' ? 'c.office_region_code' : 'flag::text'),
    [[...offices], today],
  );
  return rows;
}
