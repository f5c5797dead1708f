import type { Dataset, DepartmentKind } from '@hub/prisma';
import { datasetItemCodes, datasetProviderKind, findDeliveryFormat } from '@hub/schema/delivery-formats';
import { createDepartmentConnector } from '@hub/server/connectors/create-department-connector';
import { storeLiveAnswer } from '@hub/server/connectors/store-live-answer';
import { createDepartmentSimulator } from '@hub/server/simulator/create-department-simulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { composeCreditCode } from '../factories/credit-codes.ts';
import { uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueIdNumber, uniqueNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// Each dataset the generator used to be the only source of is delivered like the first seven: a good file becomes
// the current snapshot, a bad row lands in the rejects report with its reason, only an agreement lets a department
// deliver, and the simulator serves the records live in a form the live connector stores.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
const simulator = await createDepartmentSimulator({ databaseUrl: db.url, token: 'simulator-token' });
let simulatorUrl: string;

interface World {
  /** Persons the hub knows: the rows' subjects. */
  ids: string[];
  /** A second known person (a staff member whose relatives are filed). */
  staffId: string;
  regionCode: string;
}

interface DatasetCase {
  dataset: Dataset;
  /** One good row per subject. */
  rows: (world: World, tag: string) => string[];
  /** A row with exactly one problem, and the reject it must produce. */
  bad: (world: World) => { row: string; reason: string; column: string };
  /** What a stored record of the first subject holds, by the Prisma model. */
  stored: (snapshotId: string, world: World) => Promise<unknown>;
  expected: Record<string, unknown>;
}

const spouse = uniqueIdNumber({ sex: 'FEMALE' }).idNumber;
const badCheckCharacter = (idNumber: string) => idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');

const CASES: DatasetCase[] = [
  {
    dataset: 'REAL_ESTATE',
    rows: ({ ids, regionCode }, tag) =>
      ids.map(
        (id, i) => `${id},饶房权证${tag}${i}号,信州区中山路${i + 1}号,${regionCode},RESIDENTIAL,89.5,50,2019-05-01,`,
      ),
    bad: ({ ids, regionCode }) => ({
      row: `${ids[0]},饶房权证X号,信州区解放路1号,${regionCode},RESIDENTIAL,60,120,2018-01-01,false`,
      reason: 'OUT_OF_RANGE',
      column: 'share_percent',
    }),
    stored: (snapshotId) =>
      hub.prisma.propertyRecord.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { use: 'RESIDENTIAL', isPublicRental: false },
  },
  {
    dataset: 'HOUSING_FUND',
    rows: ({ ids }, tag) => ids.map((id, i) => `${id},GJJ${tag}${i},PAYING,上饶市建设公司,96000,0.12,1250000`),
    bad: ({ ids }) => ({
      row: `${ids[0]},GJJBAD,PAYING,上饶市建设公司,96000,0.12,-5`,
      reason: 'NEGATIVE_AMOUNT',
      column: 'balance_fen',
    }),
    stored: (snapshotId) =>
      hub.prisma.housingFundAccount.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { status: 'PAYING', monthlyContributionFen: 96_000, balanceFen: 1_250_000n },
  },
  {
    dataset: 'BUSINESS_REGISTRATION',
    rows: ({ ids }, tag) =>
      ids.map(
        (id, i) =>
          `${id},${composeCreditCode('361102', i + (tag === 'A' ? 100 : 200))},信州区小商店${i},SOLE_TRADER,ACTIVE,2020-03-01,5000000,`,
      ),
    bad: ({ ids }) => ({
      row: `${ids[0]},${badCheckCharacter(composeCreditCode('361102', 999))},坏商店,MANAGER,ACTIVE,2020-03-01,100,`,
      reason: 'INVALID_CREDIT_CODE_CHECK_CHARACTER',
      column: 'credit_code',
    }),
    stored: (snapshotId) =>
      hub.prisma.businessRegistration.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { role: 'SOLE_TRADER', status: 'ACTIVE', registeredCapitalFen: 5_000_000n, monthlyIncomeFen: null },
  },
  {
    dataset: 'CREMATION',
    rows: ({ ids }, tag) => ids.map((id) => `${id},2026-0${tag === 'A' ? 3 : 4}-02,2026-03-05,上饶市殡仪馆`),
    bad: ({ staffId }) => ({
      row: `${staffId},2026-02-30,2026-03-05,上饶市殡仪馆`,
      reason: 'INVALID_DATE',
      column: 'died_on',
    }),
    stored: (snapshotId) =>
      hub.prisma.cremationRecord.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { funeralHome: '上饶市殡仪馆' },
  },
  {
    dataset: 'MARRIAGE',
    rows: ({ ids }, tag) => ids.map((id) => `${id},MARRIAGE,${spouse},张${tag}芳,2015-10-0${tag === 'A' ? 1 : 2}`),
    bad: ({ ids }) => ({
      row: `${ids[0]},DIVORCE,${badCheckCharacter(spouse)},张芳,2020-01-01`,
      reason: 'INVALID_ID_CHECK_CHARACTER',
      column: 'spouse_id_number',
    }),
    stored: (snapshotId) =>
      hub.prisma.marriageRegistration.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { event: 'MARRIAGE', spouseIdNumber: spouse },
  },
  {
    dataset: 'DISABILITY',
    rows: ({ ids }, tag) => ids.map((id, i) => `${id},CJZ${tag}${i},肢体,2,2016-06-01`),
    bad: ({ ids }) => ({ row: `${ids[0]},CJZBAD,肢体,5,2016-06-01`, reason: 'OUT_OF_RANGE', column: 'grade' }),
    stored: (snapshotId) =>
      hub.prisma.disabilityCertificate.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { category: '肢体', grade: 2 },
  },
  {
    dataset: 'STAFF_ROSTER',
    rows: ({ ids, regionCode }, tag) => ids.map((id) => `${id},VILLAGE_CADRE,村委会委员${tag},${regionCode}`),
    bad: ({ ids, regionCode }) => ({
      row: `${ids[0]},MAYOR,镇长,${regionCode}`,
      reason: 'INVALID_VALUE',
      column: 'role',
    }),
    stored: (snapshotId) => hub.prisma.staffMember.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { role: 'VILLAGE_CADRE' },
  },
  {
    dataset: 'STAFF_RELATIVE_FILING',
    rows: ({ ids, staffId }, tag) => ids.map((id) => `${staffId},${id},SIBLING,2025-0${tag === 'A' ? 1 : 2}-15`),
    bad: ({ ids }) => ({
      row: `${uniqueIdNumber().idNumber},${ids[0]},PARENT,2025-01-15`,
      reason: 'UNKNOWN_PERSON',
      column: 'staff_id_number',
    }),
    stored: (snapshotId) =>
      hub.prisma.staffRelativeFiling.findFirstOrThrow({ where: { snapshotId }, orderBy: { id: 'asc' } }),
    expected: { relation: 'SIBLING' },
  },
];

const world: World = { ids: [], staffId: '', regionCode: '' };
let consumerId: string;

beforeAll(async () => {
  simulatorUrl = await simulator.listen({ port: 0, host: '127.0.0.1' });
  const region = await createRegion(hub.prisma);
  world.regionCode = region.code;
  consumerId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: region.code })).id;
  for (let i = 0; i < 3; i++) world.ids.push((await createPerson(hub.prisma)).idNumber);
  world.staffId = (await createPerson(hub.prisma)).idNumber;
});
afterAll(() => simulator.close());

async function provider(kind: DepartmentKind, dataset: Dataset, agreed = true) {
  const department = await createDepartment(hub.prisma, { kind, regionCode: world.regionCode });
  if (agreed) {
    await createAgreement(hub.prisma, {
      providerDepartmentId: department.id,
      consumerDepartmentId: consumerId,
      items: Object.fromEntries(datasetItemCodes(dataset).map((code) => [code, 'FULL'])),
    });
  }
  return { department, token: await createPartnerToken(hub.prisma, department.id) };
}

const header = (dataset: Dataset) =>
  findDeliveryFormat(dataset)
    ?.columns.map((column) => column.name)
    .join(',');
const file = (dataset: Dataset, rows: string[]) => `${[header(dataset), ...rows].join('\n')}\n`;

describe.each(CASES)('$dataset', (spec) => {
  const kind = datasetProviderKind(spec.dataset);
  let delivering: Awaited<ReturnType<typeof provider>>;
  beforeAll(async () => {
    delivering = await provider(kind, spec.dataset);
  });

  it('switches to a good file, storing each column, and supersedes the snapshot before', async () => {
    const first = await uploadSnapshot(hub.url, {
      token: delivering.token,
      dataset: spec.dataset,
      asOf: '2026-10-31',
      body: file(spec.dataset, spec.rows(world, 'A')),
    });
    expect(first.body.error).toBeUndefined();
    expect(first.status).toBe(201);
    expect(first.body.snapshot).toMatchObject({ status: 'CURRENT', rowCount: 3, acceptedCount: 3, rejectCount: 0 });
    expect(first.body.snapshot?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await spec.stored(first.body.snapshot?.id as string, world)).toMatchObject(spec.expected);

    const second = await uploadSnapshot(hub.url, {
      token: delivering.token,
      dataset: spec.dataset,
      asOf: '2026-11-30',
      body: file(spec.dataset, spec.rows(world, 'B')),
    });
    expect(second.status).toBe(201);
    const statuses = await hub.prisma.datasetSnapshot.findMany({
      where: { departmentId: delivering.department.id, dataset: spec.dataset },
      orderBy: { createdAt: 'asc' },
      select: { status: true },
    });
    expect(statuses.map((snapshot) => snapshot.status)).toEqual(['SUPERSEDED', 'CURRENT']);
  });

  it('reports a bad row with its line, column and reason, and keeps the good ones', async () => {
    const bad = spec.bad(world);
    const answer = await uploadSnapshot(hub.url, {
      token: delivering.token,
      dataset: spec.dataset,
      asOf: '2026-12-01',
      rejectThreshold: '50%',
      body: file(spec.dataset, [...spec.rows(world, 'C'), bad.row]),
    });
    expect(answer.status).toBe(201);
    expect(answer.body.snapshot).toMatchObject({ rowCount: 4, acceptedCount: 3, rejectCount: 1 });
    const rejects = await hub.prisma.datasetSnapshotReject.findMany({
      where: { snapshotId: answer.body.snapshot?.id as string },
    });
    expect(rejects.map(({ line, reason, column }) => ({ line, reason, column }))).toEqual([
      { line: 5, reason: bad.reason, column: bad.column },
    ]);
  });

  it('refuses a department with no agreement naming it as provider, and changes nothing', async () => {
    const stranger = await provider(kind, spec.dataset, false);
    const answer = await uploadSnapshot(hub.url, {
      token: stranger.token,
      dataset: spec.dataset,
      asOf: '2026-11-30',
      body: file(spec.dataset, spec.rows(world, 'D')),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('FORBIDDEN');
    expect(await hub.prisma.datasetSnapshot.count({ where: { departmentId: stranger.department.id } })).toBe(0);
  });

  it('is served live by the simulator, and the live connector stores the answer', async () => {
    const connector = createDepartmentConnector({
      baseUrl: `${simulatorUrl}/departments/${delivering.department.code}`,
      token: 'simulator-token',
      dataset: spec.dataset,
      batchSize: 10,
    });
    const result = await connector.fetchRecords(world.ids);
    expect(result.unanswered).toEqual([]);
    expect(result.records).toHaveLength(3);
    const persons = await hub.prisma.person.findMany({ where: { idNumber: { in: world.ids } } });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      const stored = await storeLiveAnswer(client, {
        departmentId: delivering.department.id,
        dataset: spec.dataset,
        requestId: `test-${uniqueNumber()}`,
        persons: persons.map((person) => ({ id: person.id, idNumber: person.idNumber })),
        result,
        fallbackAsOf: '2026-12-01',
      });
      expect(stored.malformed).toBe(false);
      const { rows } = await client.query<{ accepted_count: number }>(
        'SELECT accepted_count FROM dataset_snapshots WHERE id = $1',
        [stored.snapshotId],
      );
      expect(rows[0]?.accepted_count).toBe(3);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  });
});

describe('an NDJSON delivery of a new dataset', () => {
  it('takes JSON numbers and booleans as the CSV takes their text', async () => {
    const { token } = await provider('HOUSING', 'REAL_ESTATE');
    const lines = world.ids.map((idNumber, i) =>
      JSON.stringify({
        id_number: idNumber,
        certificate_number: `饶房权证N${i}号`,
        address: `信州区胜利路${i + 1}号`,
        region_code: world.regionCode,
        use: 'COMMERCIAL',
        area_m2: 120.25,
        ...(i === 0 ? { share_percent: 33.33, is_public_rental: true } : {}),
        acquired_on: '2021-08-08',
      }),
    );
    const answer = await uploadSnapshot(hub.url, {
      token,
      dataset: 'REAL_ESTATE',
      asOf: '2026-11-30',
      contentType: 'application/x-ndjson',
      body: `${lines.join('\n')}\n`,
    });
    expect(answer.status).toBe(201);
    const records = await hub.prisma.propertyRecord.findMany({
      where: { snapshotId: answer.body.snapshot?.id as string },
      orderBy: { certificateNumber: 'asc' },
    });
    expect(
      records.map((record) => [String(record.areaM2), String(record.sharePercent), record.isPublicRental]),
    ).toEqual([
      ['120.25', '33.33', true],
      ['120.25', '100', false],
      ['120.25', '100', false],
    ]);
  });
});

describe('the datasets query', () => {
  it('describes a bulk format for every dataset', async () => {
    const { user, password } = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: consumerId });
    const token = await hub.logIn(user.username, password);
    const answer = await hub.graphql<{ datasets: { dataset: string; acceptsBulkDelivery: boolean }[] }>(
      '{ datasets { dataset acceptsBulkDelivery columns { name type minimum maximum } } }',
      { token },
    );
    expect(answer.data?.datasets.filter((dataset) => !dataset.acceptsBulkDelivery)).toEqual([]);
    // The fifteen departments' datasets and the civil-affairs register's two (HOUSEHOLD_REGISTER, ASSISTANCE_CASE).
    expect(answer.data?.datasets).toHaveLength(17);
  });
});
