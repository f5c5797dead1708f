import { creditCodeCheckCharacter } from '@hub/prisma/synthetic/organisations';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

// The import checks GB 32100 in SQL (hub_credit_code_problem) over whole files; it must agree with the rule as the
// synthetic data computes it, and tell a malformed code from a mistyped one.

const db = await createTestDatabase();
const client = new pg.Client({ connectionString: db.url });
await client.connect();
afterAll(() => client.end());

const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

it('accepts valid codes and names the problem of mistyped and malformed ones', async () => {
  const bodies = [
    '91640100MA76XY1234'.slice(0, 17),
    '9264010400000000Y'.slice(0, 17),
    '11640100000000001',
    '91110000ABCDEFGHJ',
  ];
  const valid = bodies.map((body) => body + creditCodeCheckCharacter(body));
  const mistyped = valid.map((code) => {
    const last = CHARACTERS.indexOf(code[17] as string);
    return code.slice(0, 17) + CHARACTERS[(last + 1) % 31];
  });
  const malformed = [
    valid[0]?.slice(0, 17) as string,
    `${valid[0]}0`,
    (valid[0] as string).replace('M', 'I'),
    (valid[0] as string).toLowerCase(),
    `91A40100${(valid[0] as string).slice(8)}`,
    '91640100MA76XY123４',
    '',
  ];
  const samples = [...valid, ...mistyped, ...malformed];
  const { rows } = await client.query<{ code: string; problem: string | null }>(
    'SELECT code, hub_credit_code_problem(code) AS problem FROM unnest($1::text[]) AS code',
    [samples],
  );
  expect(rows.map((row) => [row.code, row.problem])).toEqual([
    ...valid.map((code) => [code, null]),
    ...mistyped.map((code) => [code, 'CHECK_CHARACTER']),
    ...malformed.map((code) => [code, 'FORMAT']),
  ]);
});
