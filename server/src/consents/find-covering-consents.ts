import type { PrismaClient, Purpose } from '@hub/prisma';

/** Anything that runs SQL with $1-style parameters: a pg Pool, Client or PoolClient. */
export interface Queryable {
  query<Row extends object>(text: string, values: unknown[]): Promise<{ rows: Row[] }>;
}

export interface ConsentCoverage {
  /** The consumer department asking. */
  departmentId: string;
  purpose: Purpose;
  /** The service day (see serviceDay()) the question is asked on, a UTC-midnight Date. */
  day: Date;
}

// Financial data about a person may be queried only under an authorisation that covers that person, that purpose
// and that date: not withdrawn, signedOn ≤ day ≤ expiresOn, for this purpose, for any department or this one.
const COVERING_CONSENTS = `
  SELECT DISTINCT person_id::text AS person_id FROM consents
  WHERE person_id = ANY($1::uuid[])
    AND withdrawn_at IS NULL
    AND signed_on <= $2::date AND $2::date <= expires_on
    AND $3::"Purpose" = ANY(purposes)
    AND (department_id IS NULL OR department_id = $4::uuid)`;

/** Which of these persons an authorisation covers for the department, purpose and day: one query for all of them. */
export async function findCoveringConsents(
  db: PrismaClient | Queryable,
  personIds: readonly string[],
  coverage: ConsentCoverage,
): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  // A DATE parameter as text: node-postgres would write a Date in the process's local zone.
  const values = [
    [...new Set(personIds)],
    coverage.day.toISOString().slice(0, 10),
    coverage.purpose,
    coverage.departmentId,
  ];
  const rows =
    '$queryRawUnsafe' in db
      ? await db.$queryRawUnsafe<{ person_id: string }[]>(COVERING_CONSENTS, ...values)
      : (await db.query<{ person_id: string }>(COVERING_CONSENTS, values)).rows;
  return new Set(rows.map((row) => row.person_id));
}
