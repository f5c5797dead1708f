import type { Dataset } from '@hub/prisma';
import type pg from 'pg';
import { bulkStagingTable } from '../delivery/bulk-staging-table.ts';
import { gracePeriodEndSql } from './grace-period-end.ts';

// The register's own checks, after every column passed its type's: set-based, each recording a reject with the
// row's line, a stable reason and the column. They judge only rows no earlier check rejected, typed once in
// `register_rows` so that no cast meets a malformed value.
//   HOUSEHOLD_REGISTER: OUTSIDE_REACH, ENDS_BEFORE_START, INCONSISTENT_HOUSEHOLD, OVERLAPPING_MEMBERSHIP,
//     MEMBER_OF_ANOTHER_HOUSEHOLD, NO_CURRENT_HEAD, SEVERAL_CURRENT_HEADS, HOUSEHOLD_REJECTED
//   ASSISTANCE_CASE: UNKNOWN_HOUSEHOLD, ENDS_BEFORE_START, GRACE_PERIOD_START_MISSING, NO_ASSISTANCE_STANDARD,
//     NOT_A_MEMBER, CASE_OF_ANOTHER_HOUSEHOLD, CASE_TERMINATED

export const REGISTER_ROWS = 'register_rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const REJECT = 'INSERT INTO dataset_snapshot_rejects (snapshot_id, line, reason, column_name, value)';
const REJECTED = `EXISTS (SELECT 1 FROM dataset_snapshot_rejects x WHERE x.snapshot_id = $1::uuid AND x.line = s.line)`;
const UNREJECTED = `NOT ${REJECTED}`;

const householdRows = (staging: string) => `CREATE TEMP TABLE ${REGISTER_ROWS} AS
  SELECT s.line, s.register_number, s.region_code, s.area_type::"AreaType" AS area_type, s.address,
         upper(s.id_number)::bpchar AS id_number, s.name, s.relation::"Relation" AS relation,
         s.valid_from::date AS valid_from, NULLIF(s.valid_to, '')::date AS valid_to
    FROM ${staging} s WHERE ${UNREJECTED}`;

const caseRows = (staging: string) => `CREATE TEMP TABLE ${REGISTER_ROWS} AS
  SELECT s.line, s.case_number, s.register_number, s.kind::"AssistanceKind" AS kind, s.status::"CaseStatus" AS status,
         s.started_on::date AS started_on, NULLIF(s.ended_on, '')::date AS ended_on,
         s.monthly_amount_fen::integer AS monthly_amount_fen,
         upper(NULLIF(s.single_person_id_number, ''))::bpchar AS single_person_id_number,
         NULLIF(s.grace_period_started_on, '')::date AS grace_period_started_on
    FROM ${staging} s WHERE ${UNREJECTED}`;

// A person is a member of a household over [valid_from, valid_to); one without any membership rows, of
// persons.household_id's household for all time (loaded before the register kept history).
const MEMBERSHIPS = `SELECT hm.person_id, hm.household_id, hm.valid_from, hm.valid_to FROM household_memberships hm
  UNION ALL SELECT p.id, p.household_id, DATE '-infinity', NULL FROM persons p
   WHERE p.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM household_memberships hm WHERE hm.person_id = p.id)`;

const overlaps = (a: string, b: string) =>
  `daterange(${a}.valid_from, ${a}.valid_to) && daterange(${b}.valid_from, ${b}.valid_to)`;

const HOUSEHOLD_CHECKS = [
  `${REJECT} SELECT $1::uuid, s.line, 'OUTSIDE_REACH', 'region_code', s.region_code FROM ${REGISTER_ROWS} s
    WHERE s.region_code NOT IN (SELECT code FROM hub_region_tree($2::text, 'BELOW'))`,
  `${REJECT} SELECT $1::uuid, s.line, 'ENDS_BEFORE_START', 'valid_to', s.valid_to::text FROM ${REGISTER_ROWS} s
    WHERE s.valid_to <= s.valid_from ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'INCONSISTENT_HOUSEHOLD', 'register_number', s.register_number
    FROM ${REGISTER_ROWS} s JOIN (SELECT DISTINCT ON (register_number) * FROM ${REGISTER_ROWS}
      ORDER BY register_number, line) f ON f.register_number = s.register_number
    WHERE (f.region_code, f.area_type, f.address) IS DISTINCT FROM (s.region_code, s.area_type, s.address)
    ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'OVERLAPPING_MEMBERSHIP', 'valid_from', s.valid_from::text FROM ${REGISTER_ROWS} s
    WHERE EXISTS (SELECT 1 FROM ${REGISTER_ROWS} o WHERE o.id_number = s.id_number AND o.line < s.line
      AND ${overlaps('o', 's')}) ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'MEMBER_OF_ANOTHER_HOUSEHOLD', 'id_number', hub_mask_id_number(s.id_number)
    FROM ${REGISTER_ROWS} s JOIN persons p ON p.id_number = s.id_number
    JOIN (${MEMBERSHIPS}) m ON m.person_id = p.id JOIN households h ON h.id = m.household_id
    -- a household the file delivers is restated by it: its memberships in the register do not stand in the way
    WHERE h.register_number IS DISTINCT FROM s.register_number AND ${overlaps('m', 's')}
      AND NOT EXISTS (SELECT 1 FROM ${REGISTER_ROWS} d WHERE d.register_number = h.register_number)
    ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, CASE WHEN heads.n = 0 THEN 'NO_CURRENT_HEAD' ELSE 'SEVERAL_CURRENT_HEADS' END,
      'relation', s.relation::text
    FROM ${REGISTER_ROWS} s JOIN (SELECT register_number, count(*) FILTER (WHERE relation = 'HEAD') AS n
      FROM ${REGISTER_ROWS} WHERE valid_to IS NULL GROUP BY register_number) heads
      ON heads.register_number = s.register_number
    -- several heads: each of them is at fault; none: every current member's row
    WHERE heads.n <> 1 AND s.valid_to IS NULL AND (heads.n = 0 OR s.relation = 'HEAD') ON CONFLICT DO NOTHING`,
];

const CASE_CHECKS = [
  `${REJECT} SELECT $1::uuid, s.line, 'UNKNOWN_HOUSEHOLD', 'register_number', s.register_number FROM ${REGISTER_ROWS} s
    WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.register_number = s.register_number
      AND h.region_code IN (SELECT code FROM hub_region_tree($2::text, 'BELOW')))`,
  `${REJECT} SELECT $1::uuid, s.line, 'ENDS_BEFORE_START', 'ended_on', s.ended_on::text FROM ${REGISTER_ROWS} s
    WHERE s.ended_on < s.started_on ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'GRACE_PERIOD_START_MISSING', 'grace_period_started_on', NULL FROM ${REGISTER_ROWS} s
    WHERE s.status = 'GRACE_PERIOD' AND s.grace_period_started_on IS NULL ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'NO_ASSISTANCE_STANDARD', 'grace_period_started_on', s.grace_period_started_on::text
    FROM ${REGISTER_ROWS} s JOIN households h ON h.register_number = s.register_number
    WHERE s.grace_period_started_on IS NOT NULL
      AND ${gracePeriodEndSql('h.region_code', 'h.area_type', 's.grace_period_started_on')} IS NULL
    ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'NOT_A_MEMBER', 'single_person_id_number', hub_mask_id_number(s.single_person_id_number)
    FROM ${REGISTER_ROWS} s JOIN households h ON h.register_number = s.register_number
    WHERE s.single_person_id_number IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM persons p JOIN (${MEMBERSHIPS}) m ON m.person_id = p.id
       WHERE p.id_number = s.single_person_id_number AND m.household_id = h.id
         AND daterange(m.valid_from, m.valid_to) @> s.started_on)
    ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'CASE_OF_ANOTHER_HOUSEHOLD', 'case_number', s.case_number FROM ${REGISTER_ROWS} s
    JOIN assistance_cases c ON c.case_number = s.case_number JOIN households h ON h.id = c.household_id
    WHERE h.register_number IS DISTINCT FROM s.register_number ON CONFLICT DO NOTHING`,
  `${REJECT} SELECT $1::uuid, s.line, 'CASE_TERMINATED', 'status', s.status::text FROM ${REGISTER_ROWS} s
    JOIN assistance_cases c ON c.case_number = s.case_number
    WHERE c.status = 'TERMINATED' AND s.status <> 'TERMINATED' ON CONFLICT DO NOTHING`,
];

// A household is taken whole or not at all: once one of its rows is rejected, so is every other.
const wholeHouseholds = (
  staging: string,
) => `${REJECT} SELECT $1::uuid, s.line, 'HOUSEHOLD_REJECTED', '', s.register_number
  FROM ${staging} s WHERE ${UNREJECTED} AND s.register_number IN (
    SELECT r.register_number FROM ${staging} r JOIN dataset_snapshot_rejects x
      ON x.snapshot_id = $1::uuid AND x.line = r.line WHERE r.register_number IS NOT NULL)`;

/**
 * Records the register's own problems of the staged rows that passed their columns' checks, and leaves the rows
 * still accepted in `register_rows`; returns the number of rows with a problem.
 */
export async function checkStagedRegister(
  client: pg.ClientBase,
  dataset: Dataset,
  snapshotId: string,
  departmentRegionCode: string,
): Promise<number> {
  const household = dataset === 'HOUSEHOLD_REGISTER';
  // CREATE TABLE AS takes no parameters: the snapshot's id is the hub's own uuid.
  if (!UUID.test(snapshotId)) throw new Error(`not a snapshot id: ${snapshotId}`);
  const staging = bulkStagingTable(snapshotId).name;
  const typedRows = household ? householdRows(staging) : caseRows(staging);
  await client.query(typedRows.replaceAll('$1::uuid', `'${snapshotId}'::uuid`));
  const dropRejected = `DELETE FROM ${REGISTER_ROWS} s WHERE ${REJECTED}`;
  for (const check of household ? HOUSEHOLD_CHECKS : CASE_CHECKS) {
    await client.query(check, check.includes('$2') ? [snapshotId, departmentRegionCode] : [snapshotId]);
    await client.query(dropRejected, [snapshotId]);
  }
  if (household) {
    await client.query(wholeHouseholds(staging), [snapshotId]);
    await client.query(dropRejected, [snapshotId]);
  }
  const { rows } = await client.query<{ rejects: number }>(
    'SELECT count(DISTINCT line)::int AS rejects FROM dataset_snapshot_rejects WHERE snapshot_id = $1',
    [snapshotId],
  );
  return rows[0]?.rejects ?? 0;
}
