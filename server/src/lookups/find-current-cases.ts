import type { AssistanceKind, CaseStatus } from '@hub/prisma';
import type { CurrentCase } from '@hub/schema/context';
import type pg from 'pg';

/**
 * Whether the case `alias` is current on the day in parameter `day` (a 'YYYY-MM-DD' text): ACTIVE, or in its
 * employment grace period (渐退期), begun and not yet ended that day. Shared with the person lookup, which reads the
 * household's current cases in the same statement.
 */
export const currentCaseCondition = (alias: string, day: string) =>
  `${alias}.status IN ('ACTIVE', 'GRACE_PERIOD') AND ${alias}.started_on <= ${day}::date
   AND (${alias}.ended_on IS NULL OR ${alias}.ended_on >= ${day}::date)`;

/** A case's columns as both lookups read them; earliest first, in an order that holds for `c` as read, too. */
export const CURRENT_CASE_COLUMNS = `c.kind::text AS kind, c.status::text AS status,
  to_char(c.started_on, 'YYYY-MM-DD') AS started_on`;
export const CURRENT_CASE_ORDER = 'c.started_on, c.id';

export interface CurrentCaseRow {
  kind: AssistanceKind;
  status: CaseStatus;
  started_on: string;
}

export const currentCaseOf = (row: CurrentCaseRow): CurrentCase => ({
  kind: row.kind,
  status: row.status,
  startedOn: new Date(`${row.started_on}T00:00:00Z`),
});

/** The day as the statements take it: a Date would be sent in the process's time zone and could land on the day before. */
export const dayParameter = (day: Date) => day.toISOString().slice(0, 10);

// Every partner question about a household's assistance reads this, so it is a prepared `pg` statement: Prisma's
// findMany of the same cases cost about 1.5 ms of CPU per call against 0.1 ms (pnpm bench api's profile,
// docs/benchmarks.md).
const FIND_CURRENT_CASES = `
  SELECT ${CURRENT_CASE_COLUMNS}
  FROM assistance_cases c
  WHERE c.household_id = $1 AND ${currentCaseCondition('c', '$2')}
  ORDER BY ${CURRENT_CASE_ORDER}`;

/** The household's cases current on `day` (a UTC-midnight Date, as Prisma reads DATE columns), earliest first. */
export async function findCurrentCases(pool: pg.Pool, householdId: string, day: Date): Promise<CurrentCase[]> {
  const { rows } = await pool.query<CurrentCaseRow>({
    name: 'find-current-cases',
    text: FIND_CURRENT_CASES,
    values: [householdId, dayParameter(day)],
  });
  return rows.map(currentCaseOf);
}
