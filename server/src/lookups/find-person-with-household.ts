import type { AreaType, Household, Person, Relation, Sex } from '@hub/prisma';
import type { CurrentCase } from '@hub/schema/context';
import type pg from 'pg';
import {
  CURRENT_CASE_COLUMNS,
  CURRENT_CASE_ORDER,
  type CurrentCaseRow,
  currentCaseCondition,
  currentCaseOf,
  dayParameter,
} from './find-current-cases.ts';

// Every partner question starts with the person of an identity number and, mostly, their household. Prisma's
// findUnique with `include: { household }` took two statements and about 0.9 ms of CPU per call; this prepared `pg`
// statement takes one and about 0.2 ms (pnpm bench api's profile, docs/benchmarks.md). It returns exactly what
// Prisma would (tests/graph/partner-lookups.test.ts compares the two), so the graph cannot tell them apart. The
// household's current cases come in the same statement, as the partners' question mostly asks for them next: one
// round trip instead of two (pnpm bench api, docs/benchmarks.md).
const FIND_PERSON_WITH_HOUSEHOLD = `
  SELECT p.id, p.id_number, p.name, p.sex::text, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.household_id,
         p.relation::text, p.created_at,
         h.region_code, h.area_type::text, h.address, h.register_number, h.created_at AS household_created_at,
         (SELECT coalesce(json_agg(c ORDER BY ${CURRENT_CASE_ORDER}), '[]')
            FROM (SELECT ${CURRENT_CASE_COLUMNS}, c.id FROM assistance_cases c
                   WHERE c.household_id = h.id AND ${currentCaseCondition('c', '$2')}) c) AS current_cases
  FROM persons p LEFT JOIN households h ON h.id = p.household_id
  WHERE p.id_number = $1`;

interface Row {
  id: string;
  id_number: string;
  name: string;
  sex: Sex;
  birth_date: string;
  household_id: string | null;
  relation: Relation | null;
  created_at: Date;
  region_code: string | null;
  area_type: AreaType | null;
  address: string | null;
  register_number: string | null;
  household_created_at: Date | null;
  current_cases: CurrentCaseRow[];
}

export type PersonWithHousehold = Person & { household: Household | null };

/**
 * The person with this identity number and their household (null when they have none), as Prisma returns them, and
 * the household's cases current on `day` (empty without a household), as findCurrentCases returns them.
 */
export async function findPersonWithHousehold(
  pool: pg.Pool,
  idNumber: string,
  day: Date,
): Promise<{ person: PersonWithHousehold; currentCases: CurrentCase[] } | null> {
  const { rows } = await pool.query<Row>({
    name: 'find-person-with-household',
    text: FIND_PERSON_WITH_HOUSEHOLD,
    values: [idNumber, dayParameter(day)],
  });
  const row = rows[0];
  if (!row) return null;
  const household: Household | null =
    row.household_id === null || row.region_code === null || row.area_type === null || row.address === null
      ? null
      : {
          id: row.household_id,
          regionCode: row.region_code,
          areaType: row.area_type,
          address: row.address,
          registerNumber: row.register_number,
          createdAt: row.household_created_at as Date,
        };
  const person = {
    id: row.id,
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex,
    birthDate: new Date(`${row.birth_date}T00:00:00Z`),
    householdId: row.household_id,
    relation: row.relation,
    createdAt: row.created_at,
    household,
  };
  return { person, currentCases: row.current_cases.map(currentCaseOf) };
}
