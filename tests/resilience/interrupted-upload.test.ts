import { connect } from 'node:net';
import { createPrismaClient } from '@hub/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, DEPOSIT_HEADER, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { type HubServer, startHubServer } from './support/hub-processes.ts';

// A bank's upload to a real hub process, cut off halfway: the socket is destroyed mid-body. The snapshot that
// was current stays current with its records, nothing half-made becomes current, and the hub serves on.

const database = await createTestDatabase();
const prisma = createPrismaClient(database.url, { maxConnections: 2 });
let hub: HubServer;
let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;

beforeAll(async () => {
  const region = await createRegion(prisma);
  delivering = await createDeliveringBank(prisma, { regionCode: region.code, persons: 3 });
  hub = await startHubServer(database.url);
});
afterAll(async () => {
  await hub?.stop();
  await prisma.$disconnect();
});

/** Sends the headers and the first half of a body announced in full, then destroys the socket. */
async function uploadCutOff(options: { chunked: boolean }): Promise<void> {
  const lines = Array.from(
    { length: 20_000 },
    (_, i) => `${delivering.persons[i % 3]?.idNumber},6222C${i},DEMAND,100,2019-03-02`,
  );
  const body = Buffer.from(`${[DEPOSIT_HEADER, ...lines].join('\n')}\n`);
  const { port } = new URL(hub.url);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    [
      'PUT /datasets/BANK_DEPOSIT/snapshots?asOf=2026-11-30 HTTP/1.1',
      `host: 127.0.0.1:${port}`,
      `authorization: Bearer ${delivering.token}`,
      'content-type: text/csv',
      options.chunked ? 'transfer-encoding: chunked' : `content-length: ${body.length}`,
      '',
      '',
    ].join('\r\n'),
  );
  const half = body.subarray(0, body.length / 2);
  socket.write(
    options.chunked ? Buffer.concat([Buffer.from(`${half.length.toString(16)}\r\n`), half, Buffer.from('\r\n')]) : half,
  );
  await new Promise((resolve) => setTimeout(resolve, 300)); // the hub is streaming it into PostgreSQL by now
  socket.destroy();
}

async function snapshotsNow() {
  return prisma.datasetSnapshot.findMany({
    where: { departmentId: delivering.bank.id },
    select: { id: true, status: true, rowCount: true },
    orderBy: { createdAt: 'asc' },
  });
}

describe('an upload cut off halfway', () => {
  it('leaves the current snapshot and its records as they were, and the hub serving', async () => {
    const ids = delivering.persons.map((person) => person.idNumber);
    const first = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-08-31',
      body: depositFile(ids),
    });
    expect(first.status).toBe(201);
    const current = first.body.snapshot?.id as string;

    for (const chunked of [false, true]) {
      await uploadCutOff({ chunked });
      // The hub notices the lost connection and rolls the import back; give it a moment, then look.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const snapshots = await snapshotsNow();
      expect(snapshots.filter((snapshot) => snapshot.status === 'CURRENT').map((snapshot) => snapshot.id)).toEqual([
        current,
      ]);
      expect(await prisma.bankDeposit.count({ where: { departmentId: delivering.bank.id } })).toBe(3);
      expect(await prisma.bankDeposit.count({ where: { snapshotId: current } })).toBe(3);
    }

    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect(hub.child.exitCode).toBeNull();
    const next = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-11-30',
      body: depositFile(ids.slice(0, 2), [], 'B'),
    });
    expect(next.status).toBe(201);
    expect(next.body.snapshot).toMatchObject({ status: 'CURRENT', acceptedCount: 2 });
  });
});
