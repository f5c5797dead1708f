import fc from 'fast-check';

const MEGABYTE = 1_000_000;

/** Strings an attacker types into any text argument: injections, traversals, control and broken characters, floods. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE audit_entries; --",
  '1); DELETE FROM persons WHERE (1=1',
  "x' UNION SELECT password_hash FROM users --",
  '1 AND pg_sleep(5) IS NULL',
  '{"$where": "sleep(1000) || true"}',
  '$where',
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '110105194912310021\u0000',
  '\ud800',
  'abc\udfff\ud800',
  '\uffff\ufffe',
  '\u202egnp.exe',
  '\r\nX-Injected: 1\r\n\r\n',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the Log4Shell lookup, sent as plain text
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  'null',
  '2026-02-30',
  '0000-00-00',
  '-infinity',
  '99999-12-31T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-0000-0000-00000000000g',
  '😀'.repeat(2_000),
  '9'.repeat(5_000),
  'x'.repeat(MEGABYTE),
  '中'.repeat(MEGABYTE / 3),
];

/** Values of the wrong type for any argument: the server must refuse them before any resolver runs. */
export const WRONG_TYPE_VALUES: readonly unknown[] = [
  0,
  -1,
  2 ** 31,
  2 ** 53 + 2,
  1.5,
  -0.0001,
  true,
  false,
  [],
  {},
  [[['deep']]],
  { $where: '1' },
  { __proto__: { admin: true } },
  ['a', 1, null],
  Array.from({ length: 10_000 }, (_, i) => i),
];

/** Random values of any JSON shape, strings of any code units (lone surrogates and NUL among them). */
export function randomValues(count: number, seed: number): unknown[] {
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme' }));
  const value = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      anyString,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(anyString, tie('value'), { maxKeys: 5 }),
    ),
  })).value;
  return fc.sample(value, { numRuns: count, seed });
}

/** Random text, for query documents and bodies: mostly GraphQL's own punctuation and words, some noise. */
export function randomDocuments(count: number, seed: number, fieldNames: readonly string[]): string[] {
  const token = fc.oneof(
    fc.constantFrom('{', '}', '(', ')', ':', '$', '!', '[', ']', '...', '@', '"', '#', ',', '=', '|', '&', ' ', '\n'),
    fc.constantFrom('query', 'mutation', 'subscription', 'fragment', 'on', '__schema', '__type', '__typename'),
    fc.constantFrom(...fieldNames),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  return fc.sample(
    fc.array(token, { minLength: 1, maxLength: 60 }).map((tokens) => tokens.join(' ')),
    { numRuns: count, seed },
  );
}
