import { randomUUID } from 'node:crypto';
import { bulkStagingTable } from '@hub/server/delivery/bulk-staging-table';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// A bulk delivery is staged in an unlogged table of its own (so that PostgreSQL can check and copy it on every
// core), which, unlike a temporary table, outlives an import whose process dies: the next import clears it away.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const sql = new pg.Client({ connectionString: db.url });
// As the hub's own role: the tables an import leaves behind are the hub's.
const hubRole = new pg.Client({ connectionString: db.runtimeUrl });

let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;
let ids: string[];

beforeAll(async () => {
  await sql.connect();
  await hubRole.connect();
  const region = await createRegion(hub.prisma);
  delivering = await createDeliveringBank(hub.prisma, { regionCode: region.code, persons: 3 });
  ids = delivering.persons.map((person) => person.idNumber);
});
afterAll(async () => {
  await sql.end();
  await hubRole.end();
});

async function stagingTables(): Promise<string[]> {
  const { rows } = await sql.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relname LIKE 'delivery\\_staging\\_%' AND relkind = 'r' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** A LOADING snapshot with its staging table, as an import leaves them when its process is killed halfway. */
async function abandonedImport(): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO dataset_snapshots (department_id, dataset, source, status, as_of)
      VALUES ($1, 'BANK_DEPOSIT', 'BULK', 'LOADING', DATE '2026-07-31') RETURNING id`,
    [delivering.bank.id],
  );
  const id = rows[0]?.id as string;
  await hubRole.query(`CREATE UNLOGGED TABLE ${bulkStagingTable(id).name} (line integer, id_number text)`);
  return id;
}

async function statusOf(id: string) {
  const { rows } = await sql.query<{ status: string; status_reason: string | null }>(
    'SELECT status, status_reason FROM dataset_snapshots WHERE id = $1',
    [id],
  );
  return rows[0];
}

describe('a bulk delivery’s staging table', () => {
  it('is gone once the delivery is decided, accepted, refused or malformed', async () => {
    const before = await stagingTables();
    const accepted = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-06-30',
      body: depositFile(ids),
    });
    expect(accepted.body.snapshot?.status).toBe('CURRENT');
    const refused = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-06-30',
      body: depositFile(ids, ['640000000000000000,x,DEMAND,1,2019-03-02'], 'B'),
      rejectThreshold: '0',
    });
    expect(refused.body.snapshot?.status).toBe('REFUSED');
    const malformed = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-06-30',
      body: 'id_number,account_number,deposit_type,balance_fen,opened_on\n"unterminated,1,DEMAND,1,2019-03-02\n',
    });
    expect(malformed.body.error?.code).toBe('MALFORMED_FILE');
    expect(await stagingTables()).toEqual(before);
  });

  it('left behind by an import that died is dropped by the next import, and its snapshot marked FAILED', async () => {
    const abandoned = await abandonedImport();
    expect(await stagingTables()).toContain(bulkStagingTable(abandoned).name.replaceAll('"', ''));

    const next = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-07-31',
      body: depositFile(ids, [], 'C'),
    });
    expect(next.body.snapshot?.status).toBe('CURRENT');
    expect(await stagingTables()).not.toContain(bulkStagingTable(abandoned).name.replaceAll('"', ''));
    expect(await statusOf(abandoned)).toEqual({
      status: 'FAILED',
      status_reason: 'the import broke off: its process ended',
    });
  });

  it('of an import still running (its lock held) is left alone', async () => {
    const running = await abandonedImport();
    const importer = new pg.Client({ connectionString: db.runtimeUrl });
    await importer.connect();
    try {
      await importer.query(`SELECT pg_advisory_lock(hashtextextended('delivery-staging:' || $1::text, 0))`, [running]);
      const next = await uploadSnapshot(hub.url, {
        token: delivering.token,
        asOf: '2026-08-31',
        body: depositFile(ids, [], 'D'),
      });
      expect(next.body.snapshot?.status).toBe('CURRENT');
      expect(await stagingTables()).toContain(bulkStagingTable(running).name.replaceAll('"', ''));
      expect((await statusOf(running))?.status).toBe('LOADING');
    } finally {
      await importer.end();
    }
    // Once its connection has ended, the lock is free and the table is swept like any other.
    await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-09-30', body: depositFile(ids, [], 'E') });
    expect(await stagingTables()).not.toContain(bulkStagingTable(running).name.replaceAll('"', ''));
    expect((await statusOf(running))?.status).toBe('FAILED');
  });

  it('that the hub may not drop does not stop its deliveries', async () => {
    const foreign = await abandonedImport();
    await sql.query(`ALTER TABLE ${bulkStagingTable(foreign).name} OWNER TO CURRENT_USER`);
    const next = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-10-31',
      body: depositFile(ids, [], 'F'),
    });
    expect(next.body.snapshot?.status).toBe('CURRENT');
    expect((await statusOf(foreign))?.status).toBe('LOADING');
    await sql.query(`DROP TABLE ${bulkStagingTable(foreign).name}`);
  });

  it('is named for its snapshot', () => {
    const id = randomUUID();
    expect(bulkStagingTable(id)).toEqual({ name: `"delivery_staging_${id.replaceAll('-', '')}"`, kind: 'UNLOGGED' });
  });
});
