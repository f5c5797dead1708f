import type { Dataset } from '@hub/prisma';
import type pg from 'pg';
import { REGISTER_ROWS } from './check-staged-register.ts';
import { gracePeriodEndSql } from './grace-period-end.ts';

// Within the delivery's publishing transaction: the accepted rows (`register_rows`) become the register. Nothing
// is deleted, so a household's composition keeps its history: a membership the file states is added or updated
// (matched by household, person and first day), and an open membership of a delivered household that the file no
// longer lists ends on the delivery's as-of date. $1 is that date.

const HOUSEHOLD_MERGE = [
  `INSERT INTO households (region_code, area_type, address, register_number)
    SELECT DISTINCT ON (register_number) region_code, area_type, address, register_number
      FROM ${REGISTER_ROWS} ORDER BY register_number, line
    ON CONFLICT (register_number) DO UPDATE
      SET region_code = EXCLUDED.region_code, area_type = EXCLUDED.area_type, address = EXCLUDED.address`,
  // Sex and birth date come from the identity number (GB 11643): digits 7-14 the birth date, the 17th odd for men.
  `INSERT INTO persons (id_number, name, sex, birth_date)
    SELECT DISTINCT ON (id_number) id_number, name,
           (CASE WHEN substr(id_number, 17, 1)::int % 2 = 1 THEN 'MALE' ELSE 'FEMALE' END)::"Sex",
           to_date(substr(id_number, 7, 8), 'YYYYMMDD')
      FROM ${REGISTER_ROWS} ORDER BY id_number, valid_from DESC
    ON CONFLICT (id_number) DO UPDATE SET name = EXCLUDED.name`,
  `CREATE TEMP TABLE register_memberships AS
    SELECT h.id AS household_id, p.id AS person_id, r.relation, r.valid_from, r.valid_to
      FROM ${REGISTER_ROWS} r JOIN households h ON h.register_number = r.register_number
      JOIN persons p ON p.id_number = r.id_number`,
  `UPDATE household_memberships m SET valid_to = $1::date
    WHERE m.valid_to IS NULL AND m.household_id IN (SELECT household_id FROM register_memberships)
      AND m.valid_from < $1::date AND NOT EXISTS (SELECT 1 FROM register_memberships r
        WHERE r.household_id = m.household_id AND r.person_id = m.person_id AND r.valid_from = m.valid_from)`,
  `UPDATE household_memberships m SET relation = r.relation, valid_to = r.valid_to FROM register_memberships r
    WHERE r.household_id = m.household_id AND r.person_id = m.person_id AND r.valid_from = m.valid_from`,
  `INSERT INTO household_memberships (household_id, person_id, relation, valid_from, valid_to)
    SELECT r.household_id, r.person_id, r.relation, r.valid_from, r.valid_to FROM register_memberships r
     WHERE NOT EXISTS (SELECT 1 FROM household_memberships m
       WHERE m.household_id = r.household_id AND m.person_id = r.person_id AND m.valid_from = r.valid_from)`,
  // persons.household_id names the household a person is a member of now, for the graph's Person.household.
  `UPDATE persons p SET household_id = open.household_id, relation = open.relation
    FROM (SELECT DISTINCT m.person_id FROM household_memberships m
           WHERE m.household_id IN (SELECT household_id FROM register_memberships)) touched
    LEFT JOIN LATERAL (SELECT m.household_id, m.relation FROM household_memberships m
      WHERE m.person_id = touched.person_id AND m.valid_to IS NULL ORDER BY m.valid_from DESC LIMIT 1) open ON true
    WHERE p.id = touched.person_id`,
  'DROP TABLE register_memberships',
];

const CASE_MERGE = [
  `INSERT INTO assistance_cases (household_id, case_number, kind, status, started_on, ended_on, monthly_amount_fen,
      single_person_id, grace_period_started_on, grace_period_ends_on)
    SELECT h.id, r.case_number, r.kind, r.status, r.started_on, r.ended_on, r.monthly_amount_fen, p.id,
           r.grace_period_started_on,
           CASE WHEN r.grace_period_started_on IS NOT NULL
             THEN ${gracePeriodEndSql('h.region_code', 'h.area_type', 'r.grace_period_started_on')} END
      FROM ${REGISTER_ROWS} r JOIN households h ON h.register_number = r.register_number
      LEFT JOIN persons p ON p.id_number = r.single_person_id_number
    ON CONFLICT (case_number) DO UPDATE SET kind = EXCLUDED.kind, status = EXCLUDED.status,
      started_on = EXCLUDED.started_on, ended_on = EXCLUDED.ended_on,
      monthly_amount_fen = EXCLUDED.monthly_amount_fen, single_person_id = EXCLUDED.single_person_id,
      grace_period_started_on = EXCLUDED.grace_period_started_on, grace_period_ends_on = EXCLUDED.grace_period_ends_on`,
];

/** Merges the accepted register rows into the register; returns how many rows it took. */
export async function mergeRegisterRows(client: pg.ClientBase, dataset: Dataset, asOf: string): Promise<number> {
  for (const statement of dataset === 'HOUSEHOLD_REGISTER' ? HOUSEHOLD_MERGE : CASE_MERGE) {
    await client.query(statement, statement.includes('$1') ? [asOf] : []);
  }
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${REGISTER_ROWS}`);
  return rows[0]?.n ?? 0;
}
