import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient } from '@hub/prisma';
import { importCommand } from '@hub/server/cli/commands/import';
import { retentionCommand } from '@hub/server/cli/commands/retention';
import { renderVerificationReport } from '@hub/server/comparisons/verification-report';
import { storeLiveAnswer } from '@hub/server/connectors/store-live-answer';
import { snapshotPartitionName } from '@hub/server/delivery/build-snapshot-partition';
import { purgeExpiredSnapshots } from '@hub/server/delivery/purge-expired-snapshots';
import { readSnapshotRetention } from '@hub/server/delivery/snapshot-retention';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDeliveringBank, depositFile } from '../factories/deliveries.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Retention of dataset snapshots, run as the hub runs: the least-privileged runtime role imports the deliveries
// (and so owns their partitions, as it does in production) and purges them.
const db = await createTestDatabase();
const prisma = createPrismaClient(db.url, { maxConnections: 2 });
const pool = new pg.Pool({ connectionString: db.runtimeUrl, max: 2 });
// The file's database is dropped when it ends, which may come before this pool's idle connections close.
pool.on('error', () => {});
const context = {
  dataDirectory: undefined,
  databaseUrl: async () => db.runtimeUrl,
  databaseOwnerUrl: async () => db.url,
};
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; printed: string }> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  try {
    return { result: await work(), printed: printed.join('\n') };
  } finally {
    log.mockRestore();
  }
}

/** A bank that has delivered its deposits `times` times, each delivery different (oldest first). */
async function bankWithDeliveries(times: number) {
  const region = await createRegion(prisma);
  const { bank, persons } = await createDeliveringBank(prisma, { regionCode: region.code, persons: 2 });
  const folder = mkdtempSync(join(tmpdir(), 'hub-retention-'));
  for (let i = 0; i < times; i++) {
    const file = join(folder, `deposits-${i}.csv`);
    writeFileSync(
      file,
      depositFile(
        persons.map((person) => person.idNumber),
        [],
        `T${i}`,
      ),
    );
    const asOf = `2026-0${i + 1}-28`;
    await quietly(() =>
      importCommand(['--department', bank.code, '--dataset', 'BANK_DEPOSIT', '--as-of', asOf, file], context),
    );
  }
  const snapshots = await prisma.datasetSnapshot.findMany({
    where: { departmentId: bank.id },
    orderBy: { asOf: 'asc' },
  });
  expect(snapshots.map((snapshot) => snapshot.status)).toEqual([...Array(times - 1).fill('SUPERSEDED'), 'CURRENT']);
  return { bank, persons, snapshots };
}

const retention = (keep: number, env: Record<string, string> = {}) =>
  readSnapshotRetention({ HUB_KEEP_PREVIOUS_SNAPSHOTS: String(keep), ...env });

async function partitionExists(snapshotId: string) {
  const { rows } = await pool.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `"${snapshotPartitionName('bank_deposits', snapshotId)}"`,
  ]);
  return rows[0]?.exists;
}

describe('dataset snapshot retention', () => {
  it('keeps the current snapshot and the newest previous ones, drops the older ones’ partitions, and records each purge', async () => {
    const { bank, snapshots } = await bankWithDeliveries(4);
    const [oldest, second, third, current] = snapshots.map((snapshot) => snapshot.id) as [
      string,
      string,
      string,
      string,
    ];
    expect(await partitionExists(oldest)).toBe(true);

    const purged = (await purgeExpiredSnapshots(pool, retention(2))).filter((p) => p.departmentId === bank.id);
    expect(purged).toEqual([
      {
        snapshotId: oldest,
        departmentId: bank.id,
        dataset: 'BANK_DEPOSIT',
        asOf: '2026-01-28',
        previousStatus: 'SUPERSEDED',
        records: 2,
      },
    ]);
    const after = await prisma.datasetSnapshot.findMany({ where: { departmentId: bank.id }, orderBy: { asOf: 'asc' } });
    expect(after.map((snapshot) => snapshot.status)).toEqual(['PURGED', 'SUPERSEDED', 'SUPERSEDED', 'CURRENT']);
    expect(after[0]?.purgedAt).toBeInstanceOf(Date);
    expect(after[0]?.contentHash).toBe(snapshots[0]?.contentHash);
    expect(await partitionExists(oldest)).toBe(false);
    expect(await prisma.bankDeposit.count({ where: { snapshotId: oldest } })).toBe(0);
    for (const kept of [second, third, current]) {
      expect(await prisma.bankDeposit.count({ where: { snapshotId: kept } })).toBe(2);
    }
    const event = await prisma.auditEntry.findFirstOrThrow({
      where: { event: 'SNAPSHOT_PURGED', change: { path: ['snapshotId'], equals: oldest } },
    });
    expect(event.reason).toBe('retention: the current snapshot and 2 previous ones are kept');
    expect(event.change).toMatchObject({
      dataset: 'BANK_DEPOSIT',
      departmentId: bank.id,
      changes: expect.arrayContaining([
        { field: 'status', old: 'SUPERSEDED', new: 'PURGED' },
        { field: 'records', old: 2, new: 0 },
      ]),
    });

    // Nothing more to do a second time; a shorter retention for this one dataset purges one more.
    const again = await purgeExpiredSnapshots(pool, retention(2));
    expect(again.filter((p) => p.departmentId === bank.id)).toEqual([]);
    const shorter = await purgeExpiredSnapshots(pool, retention(2, { HUB_KEEP_PREVIOUS_SNAPSHOTS_BANK_DEPOSIT: '1' }));
    expect(shorter.filter((p) => p.departmentId === bank.id).map((p) => p.snapshotId)).toEqual([second]);
    expect(await prisma.bankDeposit.count({ where: { snapshotId: current } })).toBe(2);
  });

  it('purges live answers past their days, with the persons asked and their records', async () => {
    const { bank, persons } = await bankWithDeliveries(1);
    const client = await pool.connect();
    let snapshotId = '';
    try {
      await client.query('BEGIN');
      const stored = await storeLiveAnswer(client, {
        departmentId: bank.id,
        dataset: 'BANK_DEPOSIT',
        requestId: 'retention-test',
        persons: persons.map((person) => ({ id: person.id, idNumber: person.idNumber })),
        result: {
          asOf: '2026-10-30',
          records: persons.map((person, i) => ({
            idNumber: person.idNumber,
            account_number: `62220000${i}`,
            deposit_type: 'DEMAND',
            balance_fen: 100,
            opened_on: '2020-01-01',
          })),
          notFound: [],
          unanswered: [],
        },
        fallbackAsOf: '2026-10-31',
      });
      expect(stored.malformed).toBe(false);
      snapshotId = stored.snapshotId;
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await prisma.bankDeposit.count({ where: { snapshotId } })).toBe(2);
    // A fresh answer stays; one fetched 31 days ago is past a 30-day retention.
    const kept = await purgeExpiredSnapshots(pool, retention(2, { HUB_LIVE_ANSWER_RETENTION_DAYS: '30' }));
    expect(kept.map((p) => p.snapshotId)).not.toContain(snapshotId);
    await prisma.$executeRaw`UPDATE dataset_snapshots SET created_at = now() - interval '31 days' WHERE id = ${snapshotId}::uuid`;
    const { result, printed } = await quietly(() => retentionCommand(['purge'], context).then(() => undefined));
    expect(result).toBeUndefined();
    expect(printed).not.toMatch(new RegExp(snapshotId)); // the default keeps live answers 365 days
    vi.stubEnv('HUB_LIVE_ANSWER_RETENTION_DAYS', '30');
    try {
      const { printed: purgedNow } = await quietly(() => retentionCommand(['purge'], context));
      expect(purgedNow).toMatch(
        new RegExp(`purged BANK_DEPOSIT snapshot ${snapshotId} of 2026-10-30 \\(answered\\): 2 records removed`),
      );
    } finally {
      vi.unstubAllEnvs();
    }
    expect((await prisma.datasetSnapshot.findUniqueOrThrow({ where: { id: snapshotId } })).status).toBe('PURGED');
    expect(await prisma.bankDeposit.count({ where: { snapshotId } })).toBe(0);
    expect(await prisma.liveSnapshotPerson.count({ where: { snapshotId } })).toBe(0);
  });

  it('refuses a retention that would purge a snapshot a run may still read, or a malformed one, naming the setting', () => {
    expect(() => retention(0)).toThrow(/HUB_KEEP_PREVIOUS_SNAPSHOTS must be a whole number of at least 1/);
    expect(() => retention(2, { HUB_KEEP_PREVIOUS_SNAPSHOTS_VEHICLE: 'two' })).toThrow(
      /HUB_KEEP_PREVIOUS_SNAPSHOTS_VEHICLE must be a whole number of at least 1 .*not "two"/,
    );
    expect(() => retention(2, { HUB_LIVE_ANSWER_RETENTION_DAYS: '-5' })).toThrow(/HUB_LIVE_ANSWER_RETENTION_DAYS/);
    expect(readSnapshotRetention({}).keepPrevious.BANK_DEPOSIT).toBe(2);
    expect(readSnapshotRetention({}).liveAnswerDays).toBe(365);
  });

  it('prints a report whose evidence snapshot was purged from the values the result kept, and says so', () => {
    const [kept, purged] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const evidence = (snapshotId: string, balanceFen: number) => ({
      dataset: 'BANK_DEPOSIT',
      departmentId: 'bank',
      asOf: '2026-01-28',
      snapshotId,
      facts: { balanceFen },
    });
    const html = renderVerificationReport(
      {
        run: { id: 'r', kind: 'PERIODIC_REVIEW', asOf: '2026-01-31', regionName: null },
        household: { id: 'h', address: '信州区胜利路1号', regionName: '信州区', areaType: 'URBAN' },
        members: [],
        assessment: {
          classification: 'ABOVE_LINE',
          countedMembers: 1,
          monthlyIncomeFen: '0',
          rigidExpenditureFen: '0',
          perCapitaIncomeFen: '0',
          standardMonthlyFen: 80_000,
          financialAssetsFen: '5000000',
          monthlyBenefitFen: null,
          appliedRules: [],
          findings: [
            { flag: 'FINANCIAL_ASSETS_OVER_LIMIT', evidence: [evidence(kept, 100), evidence(purged, 4_999_900)] },
          ],
          dataSources: [],
        },
        departments: new Map(),
        purgedSnapshotIds: new Set([purged]),
      },
      new Date(),
    );
    const rows = html.split('<tr>').filter((row) => row.includes('金融资产超限'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).not.toContain('已按保存期限清除');
    expect(rows[1]).toContain('已按保存期限清除，所列依据为核对时留存的数值');
    expect(rows[1]).toContain('余额：¥49,999.00');
  });
});
