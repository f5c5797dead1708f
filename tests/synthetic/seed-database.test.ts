import { isValidCitizenId } from '@hub/prisma/identity/citizen-id-number';
import type { SeedManifest } from '@hub/prisma/synthetic/manifest';
import { DatabaseNotEmptyError, seedDatabase } from '@hub/prisma/synthetic/seed-database';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

const PERSONS = 4_000;

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// A digest of what the generator decided, independent of row order and of surrogate keys.
const CONTENT_DIGEST = `
  SELECT md5(string_agg(line, '|' ORDER BY line)) AS digest FROM (
    SELECT concat_ws(',', p.id_number, p.name, p.sex, p.birth_date, p.relation, h.region_code, h.area_type, h.address) AS line
      FROM persons p JOIN households h ON h.id = p.household_id
    UNION ALL
    SELECT concat_ws(',', p.id_number, d.balance_fen, d.deposit_type, d.opened_on)
      FROM bank_deposits d JOIN persons p ON p.id = d.person_id
    UNION ALL
    SELECT concat_ws(',', p.id_number, e.monthly_wage_fen)
      FROM employment_records e JOIN persons p ON p.id = e.person_id
  ) lines`;

describe('the synthetic population', () => {
  let first: TestDatabase;
  let manifest: SeedManifest;

  beforeAll(async () => {
    first = await createTestDatabase();
    manifest = await seedDatabase(first.url, { persons: PERSONS, seed: 42 });
  });

  it('has the persons asked for, each with a valid GB 11643 ID number from a real region of the demo', async () => {
    const persons = await query<{ id_number: string; region_code: string }>(
      first.url,
      'SELECT p.id_number, h.region_code FROM persons p JOIN households h ON h.id = p.household_id',
    );
    expect(persons).toHaveLength(PERSONS);
    expect(manifest.persons).toBe(PERSONS);
    const invalid = persons.filter((person) => !isValidCitizenId(person.id_number));
    expect(invalid).toEqual([]);
    const regionCodes = new Set(
      (await query<{ code: string }>(first.url, 'SELECT code FROM regions')).map((region) => region.code),
    );
    // The first six characters are the county of birth registration: a county of the region table.
    const unknown = persons.filter((person) => !regionCodes.has(person.id_number.slice(0, 6)));
    expect(unknown.length).toBeLessThan(PERSONS * 0.2);
    expect(new Set(persons.map((person) => person.id_number)).size).toBe(PERSONS);
  });

  it('builds households of one to six members with exactly one head, and heads who are adults', async () => {
    const shapes = await query<{ members: number; heads: number; head_age: number }>(
      first.url,
      `SELECT count(*)::int AS members, count(*) FILTER (WHERE p.relation = 'HEAD')::int AS heads,
              max(date_part('year', age(date '2026-10-31', p.birth_date))) FILTER (WHERE p.relation = 'HEAD')::int AS head_age
         FROM persons p GROUP BY p.household_id`,
    );
    expect(shapes.length).toBe(manifest.households);
    for (const shape of shapes) {
      expect(shape.members).toBeGreaterThanOrEqual(1);
      expect(shape.members).toBeLessThanOrEqual(6);
      expect(shape.heads).toBe(1);
      expect(shape.head_age).toBeGreaterThanOrEqual(16);
    }
    const sizes = new Set(shapes.map((shape) => shape.members));
    expect(sizes.size).toBeGreaterThanOrEqual(4);
  });

  it('gives most households clean records and some wages, pensions, vehicles, property and deposits', async () => {
    const [counts] = await query<Record<string, number>>(
      first.url,
      `SELECT (SELECT count(*) FROM employment_records)::int AS wages,
              (SELECT count(*) FROM pension_records)::int AS pensions,
              (SELECT count(*) FROM vehicle_records)::int AS vehicles,
              (SELECT count(*) FROM property_records)::int AS properties,
              (SELECT count(*) FROM bank_deposits)::int AS deposits,
              (SELECT count(*) FROM business_registrations)::int AS businesses`,
    );
    for (const [kind, rows] of Object.entries(counts ?? {})) {
      expect(rows, kind).toBeGreaterThan(0);
      expect(rows, kind).toBeLessThan(PERSONS * 1.5);
    }
  });

  it('plants every kind of case in enrolled households and writes them to the manifest', async () => {
    const kinds = new Set(manifest.plantedCases.map((planted) => planted.kind));
    expect([...kinds].sort()).toEqual(
      [
        'BUSINESS_REGISTERED',
        'DECEASED_MEMBER',
        'DEPOSITS_OVER_LIMIT',
        'EXTRA_PROPERTY',
        'HOUSING_FUND_IMPLIED_WAGE',
        'INCOME_ABOVE_STANDARD',
        'STAFF_RELATIVE_UNFILED',
        'UNDECLARED_VEHICLE',
      ].sort(),
    );
    const households = [...manifest.plantedCases, ...manifest.controls].map((planted) => planted.householdId);
    const enrolled = await query<{ household_id: string }>(
      first.url,
      `SELECT DISTINCT household_id FROM assistance_cases WHERE household_id = ANY($1::uuid[])`,
      [households],
    );
    expect(enrolled.length).toBe(new Set(households).size);
    expect(manifest.controls.length).toBeGreaterThan(0);
  });

  it('records the death of a planted deceased member as a hukou cancellation before the as-of date', async () => {
    const deceased = manifest.plantedCases.filter((planted) => planted.kind === 'DECEASED_MEMBER');
    expect(deceased.length).toBeGreaterThan(0);
    const cancellations = await query<{ person_id: string; cancelled_on: Date }>(
      first.url,
      `SELECT person_id, cancelled_on FROM hukou_records
        WHERE person_id = ANY($1::uuid[]) AND status = 'CANCELLED' AND cancellation_reason = 'DEATH'`,
      [deceased.map((planted) => planted.personId)],
    );
    expect(cancellations.length).toBe(deceased.length);
    for (const cancellation of cancellations) {
      expect(cancellation.cancelled_on.getTime()).toBeLessThanOrEqual(new Date(`${manifest.asOf}T23:59:59Z`).getTime());
    }
  });

  it('is deterministic: the same seed gives the same population, another seed a different one', async () => {
    const again = await createTestDatabase();
    await seedDatabase(again.url, { persons: PERSONS, seed: 42, inThread: true });
    const other = await createTestDatabase();
    await seedDatabase(other.url, { persons: PERSONS, seed: 43 });
    const [a] = await query<{ digest: string }>(first.url, CONTENT_DIGEST);
    const [b] = await query<{ digest: string }>(again.url, CONTENT_DIGEST);
    const [c] = await query<{ digest: string }>(other.url, CONTENT_DIGEST);
    expect(a?.digest).toBe(b?.digest);
    expect(c?.digest).not.toBe(a?.digest);
  });

  it('refuses a database that already holds persons, and changes nothing', async () => {
    const [before] = await query<{ rows: number }>(first.url, 'SELECT count(*)::int AS rows FROM persons');
    await expect(seedDatabase(first.url, { persons: 100, seed: 1 })).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    const [after] = await query<{ rows: number }>(first.url, 'SELECT count(*)::int AS rows FROM persons');
    expect(after?.rows).toBe(before?.rows);
  });
});
