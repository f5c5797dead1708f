import { beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let regionCode: string;
let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  delivering = await createDeliveringBank(hub.prisma, { regionCode, persons: 2 });
});

async function tokenOf(role: 'ADMIN' | 'VERIFICATION_OFFICER' | 'AUDITOR', departmentId: string) {
  const { user, password } = await createUser(hub.prisma, { role, departmentId });
  return { user, token: await hub.logIn(user.username, password) };
}

const rejectsOf = (snapshotId: string, token: string) =>
  fetch(`${hub.url}/datasets/snapshots/${snapshotId}/rejects.csv`, { headers: { authorization: `Bearer ${token}` } });

describe('datasets:deliver: a department’s staff upload its snapshots in the portal', () => {
  it('lets a verification officer of the bank deliver, recorded as that user, and read the rejects report', async () => {
    const { user, token } = await tokenOf('VERIFICATION_OFFICER', delivering.bank.id);
    const file = depositFile(
      delivering.persons.map((person) => person.idNumber),
      ['110101199003070000,6222X9,DEMAND,100,2019-03-02'],
    );
    const answer = await uploadSnapshot(hub.url, { token, asOf: '2026-11-30', rejectThreshold: '1', body: file });
    expect(answer.status).toBe(201);
    expect(answer.body.snapshot).toMatchObject({ status: 'CURRENT', acceptedCount: 2, rejectCount: 1 });
    const snapshotId = answer.body.snapshot?.id as string;
    const switched = await hub.prisma.auditEntry.findFirst({
      where: { event: 'SNAPSHOT_SWITCHED', change: { path: ['snapshotId'], equals: snapshotId } },
    });
    expect(switched).toMatchObject({ actorKind: 'USER', userId: user.id, actorName: user.username });
    const rejects = await rejectsOf(snapshotId, token);
    expect(rejects.status).toBe(200);
    expect(await rejects.text()).toContain('INVALID_ID_CHECK_CHARACTER');
  });

  it('refuses an auditor, and staff of another department cannot read the rejects report', async () => {
    const auditor = await tokenOf('AUDITOR', delivering.bank.id);
    const refused = await uploadSnapshot(hub.url, {
      token: auditor.token,
      asOf: '2026-11-30',
      body: depositFile([delivering.persons[0]?.idNumber as string], [], 'B'),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('FORBIDDEN');

    const snapshot = await hub.prisma.datasetSnapshot.findFirstOrThrow({ where: { departmentId: delivering.bank.id } });
    const other = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    const stranger = await tokenOf('VERIFICATION_OFFICER', other.id);
    expect((await rejectsOf(snapshot.id, stranger.token)).status).toBe(404);
  });

  it('still checks the department: staff of a department of the wrong kind are NOT_DATASET_PROVIDER', async () => {
    const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
    const { token } = await tokenOf('ADMIN', housing.id);
    const answer = await uploadSnapshot(hub.url, { token, asOf: '2026-11-30', body: depositFile([]) });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('NOT_DATASET_PROVIDER');
    expect(await hub.prisma.datasetSnapshot.count({ where: { departmentId: housing.id } })).toBe(0);
  });
});
