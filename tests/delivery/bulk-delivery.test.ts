import { beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;

beforeAll(async () => {
  const region = await createRegion(hub.prisma);
  delivering = await createDeliveringBank(hub.prisma, { regionCode: region.code, persons: 4 });
});

describe('a bank delivering a good BANK_DEPOSIT file', () => {
  it('makes it the current snapshot, its rows the records, and supersedes the one before', async () => {
    const ids = delivering.persons.map((person) => person.idNumber);
    const first = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-08-31',
      body: depositFile(ids),
    });
    expect(first.status).toBe(201);
    expect(first.body.snapshot).toMatchObject({ status: 'CURRENT', rowCount: 4, acceptedCount: 4, rejectCount: 0 });

    const second = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-11-30',
      body: depositFile(ids.slice(0, 3), [], 'B'),
    });
    expect(second.status).toBe(201);
    const secondId = second.body.snapshot?.id as string;
    const snapshots = await hub.prisma.datasetSnapshot.findMany({
      where: { departmentId: delivering.bank.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(snapshots.map((snapshot) => snapshot.status)).toEqual(['SUPERSEDED', 'CURRENT']);
    const records = await hub.prisma.bankDeposit.findMany({
      where: { snapshotId: secondId },
      orderBy: { accountNumber: 'asc' },
      include: { person: true },
    });
    expect(records.map((record) => [record.person.idNumber, record.accountNumber, record.balanceFen])).toEqual([
      [ids[0], '6222B0', 10_000n],
      [ids[1], '6222B1', 20_000n],
      [ids[2], '6222B2', 30_000n],
    ]);
    expect(records[0]).toMatchObject({ departmentId: delivering.bank.id, depositType: 'DEMAND' });
    expect(records[0]?.asOf.toISOString().slice(0, 10)).toBe('2026-11-30');
  });
});
