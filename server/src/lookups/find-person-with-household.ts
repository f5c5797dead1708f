import type { AreaType, Household, Person, Relation, Sex } from '@hub/prisma';
import type pg from 'pg';

// Every partner question starts with the person of an identity number and, mostly, their household. Prisma's
// findUnique with `include: { household }` took two statements and about 0.9 ms of CPU per call; this prepared `pg`
// statement takes one and about 0.2 ms (pnpm bench api's profile, docs/benchmarks.md). It returns exactly what
// Prisma would (tests/graph/person-lookup.test.ts compares the two), so the graph cannot tell them apart.
const FIND_PERSON_WITH_HOUSEHOLD = `
  SELECT p.id, p.id_number, p.name, p.sex::text, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.household_id,
         p.relation::text, p.created_at,
         h.region_code, h.area_type::text, h.address, h.register_number, h.created_at AS household_created_at
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
}

export type PersonWithHousehold = Person & { household: Household | null };

/** The person with this identity number and their household (null when they have none), as Prisma returns them. */
export async function findPersonWithHousehold(pool: pg.Pool, idNumber: string): Promise<PersonWithHousehold | null> {
  const { rows } = await pool.query<Row>({
    name: 'find-person-with-household',
    text: FIND_PERSON_WITH_HOUSEHOLD,
    values: [idNumber],
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
  return {
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
}
