import { Readable } from 'node:stream';
import type { Dataset } from '@hub/prisma';
import {
  type DeliveryColumn,
  type DeliveryFormat,
  findDeliveryFormat,
  recordColumnOf,
} from '@hub/schema/delivery-formats';
import type pg from 'pg';
import { recordValueSql } from '../delivery/record-value-sql.ts';
import { stageDelivery, TEMPORARY_STAGING_TABLE } from '../delivery/stage-delivery.ts';
import { validateStagedRows } from '../delivery/validate-staged-rows.ts';
import type { ConnectorResult } from './create-department-connector.ts';
import type { DepartmentRecord } from './department-answer.ts';

const quote = (name: string) => `"${name}"`;

// A live answer's records name their fields as the dataset's bulk format does; `idNumber` names the subject, and
// any other person a record names must be one the hub knows (or the answer is malformed).
function insertLiveRecordsSql(format: DeliveryFormat): string {
  const columns = format.columns.filter((column) => column.name !== 'id_number');
  const value = (column: DeliveryColumn) => {
    const text = `NULLIF(r->>'${column.name}', '')`;
    return column.type === 'ID_NUMBER'
      ? `(SELECT other.id FROM persons other WHERE other.id_number = upper(${text}))`
      : recordValueSql(column, text);
  };
  const targets = [
    format.subjectColumn ?? 'person_id',
    ...columns.map((column) => recordColumnOf(format, column)),
    'department_id',
    'snapshot_id',
    'as_of',
  ];
  return `INSERT INTO ${format.table} (${targets.map(quote).join(', ')})
    SELECT person.id, ${columns.map(value).join(', ')}, $2::uuid, $1::uuid, $3::date
      FROM jsonb_array_elements($4::jsonb) r JOIN persons person ON person.id_number = r->>'idNumber'`;
}

export interface LiveAnswer {
  departmentId: string;
  dataset: Dataset;
  /** The hub's id for the fetch, kept with the snapshot. */
  requestId: string;
  /** The persons asked, by id and identity number. */
  persons: readonly { id: string; idNumber: string }[];
  result: ConnectorResult;
  /** The date the answer speaks for when the department gave none (nobody answered). */
  fallbackAsOf: string;
}

/**
 * Judges a live answer's records by the checks a bulk file's rows get (one set of checks for every way in): they are
 * staged as the NDJSON lines of a file would be, line n being the n-th record, and every problem is kept as a
 * reject of the live snapshot. Returns the number of records with at least one problem.
 */
async function rejectedLiveRecords(
  client: pg.ClientBase,
  format: DeliveryFormat,
  snapshotId: string,
  records: readonly DepartmentRecord[],
): Promise<number> {
  const lines = records.map(({ idNumber, ...fields }) => JSON.stringify({ ...fields, id_number: idNumber }));
  await stageDelivery(client, format, 'NDJSON', Readable.from([Buffer.from(lines.join('\n'))]));
  try {
    return await validateStagedRows(client, format, snapshotId, { name: TEMPORARY_STAGING_TABLE, kind: 'TEMPORARY' });
  } finally {
    await client.query(`DROP TABLE ${TEMPORARY_STAGING_TABLE}`);
  }
}

/**
 * Stores what a department answered live for a set of persons as a LIVE snapshot in status ANSWERED, which is never
 * CURRENT: the department's bulk snapshot stays the data for everyone else. Its records go to the dataset's record
 * table like bulk ones, and every person asked is kept with the outcome. Records that do not fit the dataset's
 * format (any problem a bulk row would be rejected for: a bad date, an unknown value, a negative amount, an unknown
 * field, a duplicate) make the whole answer MALFORMED_ANSWER: nothing of it counts, those persons fall back on the
 * bulk snapshot, and the problems stay on record as the live snapshot's rejects. Runs in the caller's transaction.
 */
export async function storeLiveAnswer(
  client: pg.ClientBase,
  answer: LiveAnswer,
): Promise<{ snapshotId: string; malformed: boolean }> {
  const format = findDeliveryFormat(answer.dataset);
  if (!format) throw new Error(`${answer.dataset} has no record format a live answer could be stored in`);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO dataset_snapshots (department_id, dataset, source, status, as_of, row_count, request_id)
     VALUES ($1, $2::"Dataset", 'LIVE', 'ANSWERED', $3::date, $4, $5) RETURNING id`,
    [
      answer.departmentId,
      answer.dataset,
      answer.result.asOf ?? answer.fallbackAsOf,
      answer.result.records.length,
      answer.requestId,
    ],
  );
  const snapshotId = (rows[0] as { id: string }).id;
  let accepted = 0;
  let malformed = false;
  if (answer.result.records.length) {
    malformed = (await rejectedLiveRecords(client, format, snapshotId, answer.result.records)) > 0;
  }
  if (!malformed && answer.result.records.length) {
    await client.query('SAVEPOINT live_answer');
    try {
      const inserted = await client.query(insertLiveRecordsSql(format), [
        snapshotId,
        answer.departmentId,
        answer.result.asOf ?? answer.fallbackAsOf,
        JSON.stringify(answer.result.records),
      ]);
      accepted = inserted.rowCount ?? 0;
      await client.query('RELEASE SAVEPOINT live_answer');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT live_answer');
      malformed = true;
    }
  }
  const found = new Set(malformed ? [] : answer.result.records.map((record) => record.idNumber));
  const notFound = new Set(answer.result.notFound);
  const failures = new Map(answer.result.unanswered.map((entry) => [entry.idNumber, entry.failure]));
  const outcomes = answer.persons.map((person) => {
    if (found.has(person.idNumber)) return { outcome: 'FOUND', failure: null };
    if (malformed && !failures.has(person.idNumber)) return { outcome: 'UNANSWERED', failure: 'MALFORMED_ANSWER' };
    if (notFound.has(person.idNumber)) return { outcome: 'NOT_FOUND', failure: null };
    return { outcome: 'UNANSWERED', failure: failures.get(person.idNumber) ?? 'NOT_IN_ANSWER' };
  });
  await client.query(
    `INSERT INTO live_snapshot_persons (snapshot_id, person_id, outcome, failure)
     SELECT $1, person_id, outcome::"LiveAnswerOutcome", failure
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS answered(person_id, outcome, failure)
     ON CONFLICT DO NOTHING`,
    [
      snapshotId,
      answer.persons.map((person) => person.id),
      outcomes.map((entry) => entry.outcome),
      outcomes.map((entry) => entry.failure),
    ],
  );
  await client.query('UPDATE dataset_snapshots SET accepted_count = $2 WHERE id = $1', [snapshotId, accepted]);
  return { snapshotId, malformed };
}
