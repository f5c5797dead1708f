import type pg from 'pg';

// Every household that applies signs the national authorisation (授权书) for all its members, valid from signing
// until it leaves assistance: here, from its first case or application on, with no end in the demo's horizon.
const ASSISTANCE_PURPOSES = [
  'MINIMUM_LIVING_GUARANTEE',
  'LOW_INCOME_RECOGNITION',
  'EXTREME_POVERTY_SUPPORT',
  'TEMPORARY_ASSISTANCE',
  'PERIODIC_REVIEW',
];

/** One consent per member of every household with an assistance case or an application; returns how many. */
export async function signApplicantConsents(client: pg.ClientBase): Promise<number> {
  const { rowCount } = await client.query(
    `INSERT INTO consents (person_id, purposes, signed_on, expires_on, document_reference)
     SELECT p.id, $1::"Purpose"[], signed.first_on, DATE '2099-12-31', '核对授权书 ' || left(p.household_id::text, 8)
     FROM persons p
     JOIN (
       SELECT household_id, min(on_day) AS first_on FROM (
         SELECT household_id, started_on AS on_day FROM assistance_cases
         UNION ALL
         SELECT household_id, submitted_on FROM applications
       ) starts GROUP BY household_id
     ) signed ON signed.household_id = p.household_id`,
    [ASSISTANCE_PURPOSES],
  );
  return rowCount ?? 0;
}
