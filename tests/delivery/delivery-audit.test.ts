import { beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
let regionCode: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
});

const entriesOf = (apiClientDepartmentId: string) =>
  hub.prisma.auditEntry.findMany({
    // The requests' own entries; a switch's SNAPSHOT_SWITCHED event is tests/audit/change-events.test.ts's.
    where: { departmentId: apiClientDepartmentId, operation: { startsWith: 'PUT /datasets/' }, event: null },
    orderBy: { sequence: 'asc' },
  });

describe('deliveries in the audit trail', () => {
  it('records each upload, who sent it and how it ended, accepted or refused', async () => {
    const delivering = await createDeliveringBank(hub.prisma, { regionCode, persons: 2 });
    const accepted = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-11-30',
      body: depositFile(delivering.persons.map((person) => person.idNumber)),
    });
    expect(accepted.status).toBe(201);
    const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
    const refused = await uploadSnapshot(hub.url, {
      token: await createPartnerToken(hub.prisma, housing.id),
      asOf: '2026-11-30',
      body: depositFile([]),
    });
    expect(refused.status).toBe(403);

    const [upload] = await entriesOf(delivering.bank.id);
    expect(upload).toMatchObject({
      actorKind: 'API_CLIENT',
      operation: 'PUT /datasets/:dataset/snapshots → 201',
      decision: 'ALLOWED',
    });
    const [refusal] = await entriesOf(housing.id);
    expect(refusal).toMatchObject({ operation: 'PUT /datasets/:dataset/snapshots → 403', decision: 'DENIED' });
  });
});
