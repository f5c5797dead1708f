import type { AssistanceKind, CaseStatus } from '@hub/prisma';
import type { CurrentCase } from '@hub/schema/context';
import type pg from 'pg';

// Every partner question about a household's assistance reads this, so it is a prepared `pg` statement: Prisma's
// findMany of the same cases cost about 1.5 ms of CPU per call against 0.1 ms (pnpm bench api's profile,
// docs/benchmarks.md). Current: ACTIVE, or in its employment grace period (渐退期), begun and not yet ended that day.
const FIND_CURRENT_CASES = `
  SELECT kind::text, status::text, to_char(started_on, 'YYYY-MM-DD') AS started_on
  FROM assistance_cases
  WHERE household_id = $1 AND status IN ('ACTIVE', 'GRACE_PERIOD')
    AND started_on <= $2::date AND (ended_on IS NULL OR ended_on >= $2::date)
  ORDER BY started_on, id`;

/** The household's cases current on `day` (a UTC-midnight Date, as Prisma reads DATE columns), earliest first. */
export async function findCurrentCases(pool: pg.Pool, householdId: string, day: Date): Promise<CurrentCase[]> {
  const { rows } = await pool.query<{ kind: AssistanceKind; status: CaseStatus; started_on: string }>({
    name: 'find-current-cases',
    text: FIND_CURRENT_CASES,
    // The day as text: a Date would be sent in the process's time zone and could land on the day before.
    values: [householdId, day.toISOString().slice(0, 10)],
  });
  return rows.map((row) => ({
    kind: row.kind,
    status: row.status,
    startedOn: new Date(`${row.started_on}T00:00:00Z`),
  }));
}
