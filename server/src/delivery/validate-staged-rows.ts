import type { DeliveryColumn, DeliveryFormat } from '@hub/schema/delivery-formats';
import type pg from 'pg';
import type { StagingTable } from './stage-delivery.ts';
import { stagedPersonMatch } from './staged-person-match.ts';

// Every row of the staged file is judged in two set-based statements, each recording one reject per problem with
// the row's line, a stable reason code, the column and its value (identity numbers masked):
//   MISSING_VALUE, INVALID_ID_FORMAT, INVALID_ID_BIRTH_DATE, INVALID_ID_CHECK_CHARACTER, UNKNOWN_PERSON,
//   INVALID_DATE, NEGATIVE_AMOUNT, INVALID_AMOUNT, INVALID_NUMBER, OUT_OF_RANGE, INVALID_VALUE, UNKNOWN_REGION,
//   INVALID_CREDIT_CODE_FORMAT, INVALID_CREDIT_CODE_CHECK_CHARACTER, MALFORMED_JSON, UNKNOWN_FIELD,
//   DUPLICATE_ROW (a later row with the key of an earlier one; the first is kept).

const MAX_VALUE_LENGTH = 200;
const quote = (name: string) => `"${name}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The value as a rejects report may keep it: identity numbers masked, long values cut. */
function reportedValue(column: DeliveryColumn, value: string): string {
  return isIdentityNumber(column) ? `hub_mask_id_number(${value})` : `left(${value}, ${MAX_VALUE_LENGTH})`;
}

const isIdentityNumber = (column: DeliveryColumn) => column.type === 'ID_NUMBER' || column.type === 'CITIZEN_ID';

// The row's subject is found by the `person` join; any other column naming a known person by a join of its own.
const isOtherPerson = (column: DeliveryColumn) => column.type === 'ID_NUMBER' && column.name !== 'id_number';
const otherPerson = (column: DeliveryColumn) => quote(`person_of_${column.name}`);
const otherPersonId = (column: DeliveryColumn) => quote(`person_id_of_${column.name}`);

/**
 * A DECIMAL value's shape, `^\d{1,digits}(\.\d{1,scale})?$` with ASCII digits (digits up to its largest value's, a
 * point and up to `scale` more), written with plain string functions: a regular expression per row costs more.
 */
function isWellFormedDecimal(column: DeliveryColumn, value: string): string {
  const digits = (column.range?.max ?? '0').split('.')[0]?.length ?? 1;
  const scale = column.scale ?? 0;
  const point = `strpos(${value}, '.')`;
  const fraction =
    scale > 0 ? `${point} BETWEEN 2 AND ${digits + 1} AND length(${value}) - ${point} BETWEEN 1 AND ${scale}` : 'false';
  return `CASE translate(${value}, '0123456789', '') WHEN '' THEN length(${value}) BETWEEN 1 AND ${digits} WHEN '.' THEN ${fraction} ELSE false END`;
}

/** A number's range, checked only once its shape allows the cast (CASE keeps that order). */
function outsideRange(column: DeliveryColumn, value: string): string {
  const range = column.range ?? { min: '0', max: '0' };
  const below = range.minExclusive ? '<=' : '<';
  return `(${value}::numeric ${below} ${range.min} OR ${value}::numeric > ${range.max})`;
}

function isWellFormedNumber(column: DeliveryColumn, value: string): string {
  return column.type === 'INTEGER' ? isWholeNumber(value, 9) : `(${isWellFormedDecimal(column, value)})`;
}

// integer columns hold at most 2,147,483,647: nine digits are always safe.
const amountDigits = (column: DeliveryColumn) => (column.amountType === 'integer' ? 9 : 18);

/** `value ~ '^\d{1,n}$'`, written with plain string functions: a regular expression per row costs ~3× as much. */
function isWholeNumber(value: string, digits: number): string {
  return `(length(${value}) BETWEEN 1 AND ${digits} AND translate(${value}, '0123456789', '') = '')`;
}

const firstOf = (...whens: string[]) => {
  const present = whens.filter(Boolean);
  return present.length ? `CASE ${present.join(' ')} END` : 'NULL::text';
};

/** The first problem of one column's value, as a CASE yielding a reason code or null. */
function columnProblem(column: DeliveryColumn): string {
  const value = `s.${quote(column.name)}`;
  const missing = column.required ? `WHEN ${value} IS NULL OR ${value} = '' THEN 'MISSING_VALUE'` : '';
  const present = `${value} IS NOT NULL AND ${value} <> ''`;
  switch (column.type) {
    case 'ID_NUMBER':
      if (isOtherPerson(column)) {
        const problem = `hub_citizen_id_problem(upper(${value}))`;
        return firstOf(
          missing,
          `WHEN s.${otherPersonId(column)} IS NULL AND ${problem} IS NOT NULL THEN 'INVALID_ID_' || ${problem}`,
          `WHEN s.${otherPersonId(column)} IS NULL THEN 'UNKNOWN_PERSON'`,
        );
      }
      return firstOf(
        missing,
        `WHEN id.problem IS NOT NULL THEN 'INVALID_ID_' || id.problem`,
        `WHEN person.id IS NULL THEN 'UNKNOWN_PERSON'`,
      );
    case 'CITIZEN_ID':
      return firstOf(
        missing,
        `WHEN ${present} AND hub_citizen_id_problem(upper(${value})) IS NOT NULL
           THEN 'INVALID_ID_' || hub_citizen_id_problem(upper(${value}))`,
      );
    case 'CREDIT_CODE':
      return firstOf(
        missing,
        `WHEN ${present} AND hub_credit_code_problem(${value}) IS NOT NULL
           THEN 'INVALID_CREDIT_CODE_' || hub_credit_code_problem(${value})`,
      );
    case 'DECIMAL':
    case 'INTEGER':
      return firstOf(
        missing,
        `WHEN ${present} AND NOT ${isWellFormedNumber(column, value)} THEN 'INVALID_NUMBER'`,
        `WHEN ${present} AND ${outsideRange(column, value)} THEN 'OUT_OF_RANGE'`,
      );
    case 'BOOLEAN':
      return firstOf(missing, `WHEN ${present} AND ${value} NOT IN ('true', 'false') THEN 'INVALID_VALUE'`);
    case 'TEXT':
      return firstOf(missing);
    case 'DATE':
      return firstOf(missing, `WHEN ${present} AND NOT hub_is_iso_date(${value}) THEN 'INVALID_DATE'`);
    case 'AMOUNT_FEN':
      return firstOf(
        missing,
        `WHEN ${value} ~ '^-\\d+$' THEN 'NEGATIVE_AMOUNT'`,
        `WHEN ${present} AND NOT ${isWholeNumber(value, amountDigits(column))} THEN 'INVALID_AMOUNT'`,
      );
    case 'ENUM':
      return firstOf(
        missing,
        `WHEN ${present} AND ${value} NOT IN (${(column.values ?? []).map(literal).join(', ')}) THEN 'INVALID_VALUE'`,
      );
    case 'REGION_CODE':
      return firstOf(
        missing,
        `WHEN ${present} AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = ${value}) THEN 'UNKNOWN_REGION'`,
      );
  }
}

/** Whether one column's value is fine, as a cheap predicate: only rows failing one are explained column by column. */
function columnClean(column: DeliveryColumn): string {
  const value = `s.${quote(column.name)}`;
  const present = `(${value} IS NOT NULL AND ${value} <> '')`;
  const wellFormedNumber = `CASE WHEN ${isWellFormedNumber(column, value)} THEN NOT ${outsideRange(column, value)} ELSE false END`;
  const valid = {
    ID_NUMBER: isOtherPerson(column) ? `${otherPerson(column)}.id IS NOT NULL` : 'person.id IS NOT NULL',
    CITIZEN_ID: `hub_citizen_id_problem(upper(${value})) IS NULL`,
    CREDIT_CODE: `hub_credit_code_problem(${value}) IS NULL`,
    DECIMAL: wellFormedNumber,
    INTEGER: wellFormedNumber,
    BOOLEAN: `${value} IN ('true', 'false')`,
    TEXT: 'true',
    DATE: `${dayOf(column)}.day IS NOT NULL`,
    AMOUNT_FEN: isWholeNumber(value, amountDigits(column)),
    ENUM: `${value} IN (${(column.values ?? []).map(literal).join(', ')})`,
    REGION_CODE: `${regionOf(column)}.code IS NOT NULL`,
  }[column.type];
  return column.required ? `(${present} AND ${valid})` : `(NOT ${present} OR ${valid})`;
}

// A date is looked up in the days hub_is_iso_date accepts (the table iso_days, 1900-01-01 to 2099-12-31 as a file
// spells them) and a region code in regions, each by a join of its own: PostgreSQL hashes the days (or regions) once
// and probes them with every row, a fifth of the cost of checking a date's pattern and calendar row by row (only
// failing rows are explained), and unlike a subquery per row, a join runs in parallel workers too.
const dayOf = (column: DeliveryColumn) => quote(`day_of_${column.name}`);
const regionOf = (column: DeliveryColumn) => quote(`region_of_${column.name}`);

function lookupJoins(format: DeliveryFormat): string[] {
  return format.columns.flatMap((column) => {
    const value = `s.${quote(column.name)}`;
    if (column.type === 'DATE') return [`LEFT JOIN iso_days ${dayOf(column)} ON ${dayOf(column)}.day = ${value}`];
    if (column.type === 'REGION_CODE') {
      return [`LEFT JOIN regions ${regionOf(column)} ON ${regionOf(column)}.code = ${value}`];
    }
    return [];
  });
}

// A known person's identity number is valid (the hub admits no other), so GB 11643's check runs only on the
// numbers no person has, to tell a mistyped number from an unknown person; most rows of a file pass every check
// and cost one predicate.
function rowProblemsSql(format: DeliveryFormat, staging: StagingTable): string {
  const checks = format.columns.map(
    (column) =>
      `(${columnProblem(column)}, ${literal(column.name)}, ${reportedValue(column, `s.${quote(column.name)}`)})`,
  );
  const others = format.columns.filter(isOtherPerson);
  const otherIds = others.map((column) => `, ${otherPerson(column)}.id AS ${otherPersonId(column)}`).join('');
  const otherJoins = others.map(
    (column) =>
      `LEFT JOIN persons ${otherPerson(column)} ON ${stagedPersonMatch('s', otherPerson(column), column.name)}`,
  );
  // A file without a subject column (the register's assistance cases) names no person to find.
  const hasSubject = format.columns.some((column) => column.name === 'id_number');
  const subjectJoin = hasSubject ? `LEFT JOIN persons person ON ${stagedPersonMatch('s')}` : '';
  const subjectId = hasSubject ? 'person.id' : 'NULL::uuid';
  const subjectProblem = hasSubject ? 'hub_citizen_id_problem(upper(s.id_number))' : 'NULL::text';
  return `SELECT s.line, p.reason, p.column_name, p.value
    FROM (
      SELECT s.*, ${subjectId} AS person_id${otherIds}
      FROM ${staging.name} s
      ${[subjectJoin, ...otherJoins, ...lookupJoins(format)].join('\n      ')}
      WHERE s.row_problem IS NOT NULL OR NOT (${format.columns.map(columnClean).join(' AND ')})
    ) s
    CROSS JOIN LATERAL (SELECT CASE WHEN s.person_id IS NULL THEN ${subjectProblem} END AS problem) id
    CROSS JOIN LATERAL (SELECT s.person_id AS id) person
    CROSS JOIN LATERAL (VALUES (s.row_problem, coalesce(s.row_problem_column, ''), NULL::text), ${checks.join(',\n      ')})
      AS p(reason, column_name, value)
    -- a line that is not JSON has no values to judge: its one reject says so
    WHERE p.reason IS NOT NULL AND (s.row_problem IS DISTINCT FROM 'MALFORMED_JSON' OR p.column_name = '')`;
}

/** A key column's value of the staged row `s`: identity numbers compared in capitals. */
function keyPart(format: DeliveryFormat, name: string): { value: string; shown: string } {
  const column = format.columns.find((candidate) => candidate.name === name) as DeliveryColumn;
  const value = isIdentityNumber(column) ? `upper(s.${quote(name)})` : `s.${quote(name)}`;
  return { value, shown: isIdentityNumber(column) ? `hub_mask_id_number(${value})` : value };
}

// The keys that occur more than once are found by hashing the keys (not sorting the whole file, which most files,
// having no duplicates at all, need not); then only the rows of those keys after the first are read again.
function duplicatesSql(format: DeliveryFormat, staging: StagingTable): string {
  const parts = format.key.map((name) => keyPart(format, name));
  const shown = parts.map((part) => part.shown).join(` || '|' || `);
  return `INSERT INTO dataset_snapshot_rejects (snapshot_id, line, reason, column_name, value)
    WITH repeated AS (
      SELECT ${parts.map((part, i) => `${part.value} AS k${i}`).join(', ')}, min(s.line) AS first_line
      FROM ${staging.name} s
      WHERE ${format.key.map((name) => `s.${quote(name)} IS NOT NULL`).join(' AND ')}
      GROUP BY ${parts.map((part) => part.value).join(', ')}
      HAVING count(*) > 1
    )
    SELECT $1::uuid, s.line, 'DUPLICATE_ROW', ${literal(format.key.join('+'))}, left(${shown}, ${MAX_VALUE_LENGTH})
    FROM ${staging.name} s
    JOIN repeated ON ${parts.map((part, i) => `${part.value} = repeated.k${i}`).join(' AND ')}
    WHERE s.line > repeated.first_line
    ON CONFLICT DO NOTHING`;
}

// Where the row checks put their findings before they become rejects: a table made by CREATE TABLE AS, which unlike
// INSERT … SELECT may be planned in parallel (the rejects are few, or the file is refused anyway).
const ROW_PROBLEMS = 'staged_row_problems';

/** Records every problem of every staged row; returns the number of rows with at least one. */
export async function validateStagedRows(
  client: pg.ClientBase,
  format: DeliveryFormat,
  snapshotId: string,
  staging: StagingTable,
): Promise<number> {
  // Merge joins are off so that no join sorts a million wide rows (the planner did, for the days, when they had no
  // statistics); hash joins are what every lookup here wants.
  await client.query('SET enable_mergejoin = off');
  try {
    await client.query(`CREATE TEMP TABLE ${ROW_PROBLEMS} AS ${rowProblemsSql(format, staging)}`);
  } finally {
    await client.query('RESET enable_mergejoin');
  }
  try {
    await client.query(
      `INSERT INTO dataset_snapshot_rejects (snapshot_id, line, reason, column_name, value)
        SELECT $1::uuid, line, reason, column_name, value FROM ${ROW_PROBLEMS}`,
      [snapshotId],
    );
  } finally {
    await client.query(`DROP TABLE ${ROW_PROBLEMS}`);
  }
  await client.query(duplicatesSql(format, staging), [snapshotId]);
  const { rows } = await client.query<{ rejects: number }>(
    'SELECT count(DISTINCT line)::int AS rejects FROM dataset_snapshot_rejects WHERE snapshot_id = $1',
    [snapshotId],
  );
  return rows[0]?.rejects ?? 0;
}
