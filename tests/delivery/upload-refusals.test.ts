import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, daysFromToday } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { createDeliveringBank, DEPOSIT_HEADER, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let regionCode: string;
let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;
let file: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  delivering = await createDeliveringBank(hub.prisma, { regionCode, persons: 3 });
  file = depositFile(delivering.persons.map((person) => person.idNumber));
});

const snapshotsOf = (departmentId: string) =>
  hub.prisma.datasetSnapshot.findMany({ where: { departmentId }, orderBy: { createdAt: 'asc' } });

describe('who may deliver', () => {
  it('refuses a department of the wrong kind with 403, before reading the file', async () => {
    const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
    const token = await createPartnerToken(hub.prisma, housing.id);
    const answer = await uploadSnapshot(hub.url, { token, asOf: '2026-11-30', body: file });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('NOT_DATASET_PROVIDER');
    expect(answer.body.error?.message).toContain('BANK');
    expect(await snapshotsOf(housing.id)).toEqual([]);
  });

  it('refuses a bank of the right kind with 403 FORBIDDEN naming the dataset, without an active agreement naming it as provider', async () => {
    const bank = await createDepartment(hub.prisma, { kind: 'BANK', regionCode });
    const token = await createPartnerToken(hub.prisma, bank.id);
    const refused = async () => {
      const answer = await uploadSnapshot(hub.url, { token, asOf: '2026-11-30', body: file });
      expect(answer.status).toBe(403);
      return answer.body.error;
    };
    expect(await refused()).toEqual({
      code: 'FORBIDDEN',
      message:
        'no active sharing agreement names your department as provider of BANK_DEPOSIT; an administrator must approve one before you deliver it',
    });
    const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
    // Suspended, expired, or naming another dataset's item: none of them lets it deliver deposits.
    await createAgreement(hub.prisma, {
      providerDepartmentId: bank.id,
      consumerDepartmentId: centre.id,
      items: { BANK_DEPOSITS: 'FULL' },
      status: 'SUSPENDED',
    });
    await createAgreement(hub.prisma, {
      providerDepartmentId: bank.id,
      consumerDepartmentId: centre.id,
      items: { BANK_DEPOSITS: 'FULL' },
      validFrom: daysFromToday(-400),
      validUntil: daysFromToday(-1),
    });
    await createAgreement(hub.prisma, {
      providerDepartmentId: bank.id,
      consumerDepartmentId: centre.id,
      items: { WEALTH_PRODUCTS: 'FULL' },
    });
    expect((await refused())?.code).toBe('FORBIDDEN');
    expect(await snapshotsOf(bank.id)).toEqual([]);
    await createAgreement(hub.prisma, {
      providerDepartmentId: bank.id,
      consumerDepartmentId: centre.id,
      items: { BANK_DEPOSITS: 'DERIVED' },
    });
    const accepted = await uploadSnapshot(hub.url, { token, asOf: '2026-11-30', body: file });
    expect(accepted.status).toBe(201);
  });

  it('refuses an anonymous upload with 401 and a bad parameter with a precise code', async () => {
    expect((await uploadSnapshot(hub.url, { asOf: '2026-11-30', body: file })).body.error?.code).toBe(
      'UNAUTHENTICATED',
    );
    const bad = async (options: Partial<Parameters<typeof uploadSnapshot>[1]>) =>
      (await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: file, ...options })).body
        .error?.code;
    expect(await bad({ asOf: undefined })).toBe('INVALID_AS_OF');
    expect(await bad({ asOf: '2026-02-30' })).toBe('INVALID_AS_OF');
    expect(await bad({ rejectThreshold: 'lots' })).toBe('INVALID_REJECT_THRESHOLD');
    expect(await bad({ contentType: 'application/json' })).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await bad({ dataset: 'GOSSIP' })).toBe('UNKNOWN_DATASET');
    expect(await bad({ body: 'id_number,account_number\n1,2\n' })).toBe('MISSING_COLUMNS');
    expect(await bad({ body: `${DEPOSIT_HEADER},colour\n` })).toBe('UNKNOWN_COLUMNS');
    expect(await bad({ body: `${DEPOSIT_HEADER}\n1,2,3\n` })).toBe('MALFORMED_FILE');
    expect(await bad({ body: `${DEPOSIT_HEADER}\n` })).toBe('EMPTY_SNAPSHOT');
  });
});

describe('the same file twice', () => {
  it('is recognised by its content hash: 200 with the first snapshot, nothing changed', async () => {
    const first = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: file });
    expect(first.status).toBe(201);
    const before = await snapshotsOf(delivering.bank.id);
    const again = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: file });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.snapshot?.id).toBe(first.body.snapshot?.id);
    expect(again.body.snapshot?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await snapshotsOf(delivering.bank.id)).toEqual(before);
  });
});

describe('an upload that breaks off mid-file', () => {
  it('changes nothing: the snapshot is FAILED, the current one and its records stay', async () => {
    const before = await hub.prisma.datasetSnapshot.findFirstOrThrow({
      where: { departmentId: delivering.bank.id, status: 'CURRENT' },
    });
    const records = await hub.prisma.bankDeposit.count({ where: { departmentId: delivering.bank.id } });
    const abort = new AbortController();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            depositFile(
              delivering.persons.map((person) => person.idNumber),
              [],
              'Z',
            ),
          ),
        );
      },
      // Never ends: the client goes away instead.
      pull: () => new Promise(() => {}),
    });
    const upload = uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body, signal: abort.signal });
    // The client goes away once the hub is loading the file (its snapshot LOADING), not after a guessed pause.
    const loading = async () => (await snapshotsOf(delivering.bank.id)).some((s) => s.status === 'LOADING');
    await expect.poll(loading, { timeout: 60_000, interval: 50 }).toBe(true);
    abort.abort();
    await expect(upload).rejects.toThrow();

    await expect.poll(loading, { timeout: 60_000, interval: 100 }).toBe(false);
    const last = (await snapshotsOf(delivering.bank.id)).at(-1);
    expect(last?.status).toBe('FAILED');
    expect(last?.statusReason).toMatch(/^UPLOAD_INTERRUPTED/);
    const after = await hub.prisma.datasetSnapshot.findFirstOrThrow({
      where: { departmentId: delivering.bank.id, status: 'CURRENT' },
    });
    expect(after.id).toBe(before.id);
    expect(await hub.prisma.bankDeposit.count({ where: { departmentId: delivering.bank.id } })).toBe(records);
  });
});
