import { buildSnapshotPartition, snapshotPartitionName } from '@hub/server/delivery/build-snapshot-partition';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, DEPOSIT_HEADER, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const sql = new pg.Client({ connectionString: db.url });

let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;
let ids: string[];

beforeAll(async () => {
  await sql.connect();
  const region = await createRegion(hub.prisma);
  delivering = await createDeliveringBank(hub.prisma, { regionCode: region.code, persons: 3 });
  ids = delivering.persons.map((person) => person.idNumber);
});
afterAll(() => sql.end());

async function partitionsOf(table: string): Promise<string[]> {
  const { rows } = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = $1::regclass ORDER BY 1`,
    [table],
  );
  return rows.map((row) => row.name);
}

async function upload(body: string, asOf: string, rejectThreshold?: string) {
  const answer = await uploadSnapshot(hub.url, { token: delivering.token, asOf, body, rejectThreshold });
  return { ...answer, id: answer.body.snapshot?.id as string };
}

/** The deposits a reader of the CURRENT snapshots sees, as the comparison engine reads them. */
async function currentAccounts(reader: pg.ClientBase): Promise<string[]> {
  const { rows } = await reader.query<{ account_number: string }>(
    `SELECT d.account_number FROM bank_deposits d
      WHERE d.snapshot_id = ANY (SELECT id FROM dataset_snapshots WHERE status = 'CURRENT' AND department_id = $1)
      ORDER BY 1`,
    [delivering.bank.id],
  );
  return rows.map((row) => row.account_number);
}

describe('an accepted bulk snapshot', () => {
  it('becomes a partition of its own, with the record table’s keys, indexes and foreign key', async () => {
    const before = await partitionsOf('bank_deposits');
    const accepted = await upload(depositFile(ids), '2026-08-31');
    expect(accepted.status).toBe(201);
    const partition = snapshotPartitionName('bank_deposits', accepted.id);
    expect(await partitionsOf('bank_deposits')).toEqual([...before, partition].sort());

    const { rows: indexes } = await sql.query<{ definition: string }>(
      `SELECT regexp_replace(pg_get_indexdef(indexrelid), '^.* USING ', '') AS definition
         FROM pg_index WHERE indrelid = $1::regclass ORDER BY 1`,
      [partition],
    );
    expect(indexes.map((index) => index.definition)).toEqual([
      'btree (id, snapshot_id)',
      'btree (person_id)',
      'btree (snapshot_id)',
    ]);
    const { rows: keys } = await sql.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = $1::regclass AND contype = 'f'`,
      [partition],
    );
    expect(keys.map((key) => key.definition)).toEqual([
      'FOREIGN KEY (person_id) REFERENCES persons(id) ON UPDATE CASCADE ON DELETE RESTRICT',
    ]);
    const records = await hub.prisma.bankDeposit.findMany({ where: { snapshotId: accepted.id } });
    expect(records.map((record) => record.accountNumber).sort()).toEqual(['6222A0', '6222A1', '6222A2']);
    expect(new Set(records.map((record) => record.id)).size).toBe(3);
  });

  it('is refused without touching the partitions when its rejects pass the threshold', async () => {
    const before = await partitionsOf('bank_deposits');
    const currentBefore = await currentAccounts(sql);
    const refused = await upload(depositFile(ids, [`${ids[0]},6222R9,DEMAND,-1,2019-03-02`], 'R'), '2026-09-30', '0');
    expect(refused.status).toBe(422);
    expect(refused.body.snapshot?.status).toBe('REFUSED');
    expect(await partitionsOf('bank_deposits')).toEqual(before);
    expect(await currentAccounts(sql)).toEqual(currentBefore);
  });

  it('takes an identity number only as the 18 characters it is: trailing spaces make it malformed', async () => {
    const spaced = `${DEPOSIT_HEADER}\n${ids[0]},6222S0,DEMAND,100,2019-03-02\n"${ids[1]} ",6222S1,DEMAND,100,2019-03-02\n`;
    const answer = await upload(spaced, '2026-09-30', '1');
    expect(answer.body.snapshot).toMatchObject({ status: 'CURRENT', acceptedCount: 1, rejectCount: 1 });
    const reject = await hub.prisma.datasetSnapshotReject.findFirstOrThrow({ where: { snapshotId: answer.id } });
    expect(reject).toMatchObject({ line: 3, reason: 'INVALID_ID_FORMAT', column: 'id_number' });
  });
});

describe('the switch under a concurrent reader', () => {
  it('shows a reader the previous snapshot wholly until it is done, then the new one wholly', async () => {
    const reader = new pg.Client({ connectionString: db.url });
    await reader.connect();
    try {
      await upload(depositFile(ids, [], 'P'), '2026-10-31');
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      expect(await currentAccounts(reader)).toEqual(['6222P0', '6222P1', '6222P2']);

      let settled = false;
      const next = upload(depositFile(ids.slice(0, 2), [], 'N'), '2026-11-30').finally(() => {
        settled = true;
      });
      // Until the switch commits, or while it waits for this reader's lock on the record table, the reader sees
      // the previous snapshot and nothing of the new one.
      await waitFor(async () => settled || (await switchWaitsForLock()));
      expect(await currentAccounts(reader)).toEqual(['6222P0', '6222P1', '6222P2']);
      await reader.query('COMMIT');

      expect((await next).status).toBe(201);
      expect(await currentAccounts(reader)).toEqual(['6222N0', '6222N1']);
    } finally {
      await reader.end();
    }
  });
});

async function switchWaitsForLock(): Promise<boolean> {
  const { rows } = await sql.query(
    `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows.length > 0;
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the upload neither finished nor waited for a lock within 15 s');
}

describe('a partition build that fails halfway', () => {
  it('leaves neither a table nor a partition once its transaction rolls back', async () => {
    const before = await partitionsOf('bank_deposits');
    const snapshot = await hub.prisma.datasetSnapshot.create({
      data: {
        departmentId: delivering.bank.id,
        dataset: 'BANK_DEPOSIT',
        source: 'BULK',
        status: 'LOADING',
        asOf: new Date('2026-12-31'),
      },
    });
    const build = new pg.Client({ connectionString: db.url });
    await build.connect();
    try {
      await build.query('BEGIN');
      const failing = buildSnapshotPartition(build, {
        table: 'bank_deposits',
        snapshotId: snapshot.id,
        columns: [
          'person_id',
          'account_number',
          'deposit_type',
          'balance_fen',
          'opened_on',
          'department_id',
          'snapshot_id',
          'as_of',
        ],
        // The second row breaks the load: a balance that is not a number.
        selectSql: `SELECT p.id, 'X' || n, 'DEMAND', (CASE WHEN n = 2 THEN 'not a number' ELSE '1' END)::bigint,
            DATE '2020-01-01', $1::uuid, $2::uuid, DATE '2026-12-31'
          FROM generate_series(1, 3) n, (SELECT id FROM persons LIMIT 1) p`,
        params: [delivering.bank.id, snapshot.id],
      });
      await expect(failing).rejects.toThrow(/invalid input syntax for type bigint/);
      await build.query('ROLLBACK');
    } finally {
      await build.end();
    }
    expect(await partitionsOf('bank_deposits')).toEqual(before);
    const { rows } = await sql.query('SELECT to_regclass($1) AS table', [
      snapshotPartitionName('bank_deposits', snapshot.id),
    ]);
    expect(rows[0]?.table).toBeNull();
  });
});
