import { composeCitizenId, type InvalidCitizenIdError, parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

// The import checks GB 11643 in SQL (hub_citizen_id_problem) over whole files; it must agree with the TypeScript rule.

const db = await createTestDatabase();
const client = new pg.Client({ connectionString: db.url });
await client.connect();
afterAll(() => client.end());

function problemInTypeScript(idNumber: string): string | null {
  try {
    parseCitizenId(idNumber);
    return null;
  } catch (error) {
    return (error as InvalidCitizenIdError).problem;
  }
}

it('finds the same problem as parseCitizenId in valid, mistyped and malformed numbers', async () => {
  const valid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) =>
    composeCitizenId('640104', new Date(Date.UTC(1950 + n * 5, n, 1 + n * 2)), n * 2 + 1),
  );
  const mistyped = valid.map((id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'));
  const samples = [
    ...valid,
    '11010519491231002X',
    ...mistyped,
    '64010419850230001X',
    '640104198513010012',
    '64010419850307001',
    '64010419850307001A',
    '640104190002290011',
    '640104200002290011',
    '640104189912310011',
    '640104198504310011',
    '６40104198503070011',
    '',
  ];
  const { rows } = await client.query<{ id: string; problem: string | null }>(
    'SELECT id, hub_citizen_id_problem(id) AS problem FROM unnest($1::text[]) AS id',
    [samples],
  );
  expect(rows.map((row) => [row.id, row.problem])).toEqual(samples.map((id) => [id, problemInTypeScript(id)]));
  expect(rows.filter((row) => row.problem === null)).toHaveLength(valid.length + 1);
});
