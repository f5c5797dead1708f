import { beforeAll, describe, expect, it } from 'vitest';
import { createPartnerToken } from '../factories/api-clients.ts';
import { uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegionTree } from '../factories/regions.ts';
import { uniqueIdNumber, uniqueNumber } from '../factories/unique.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The civil-affairs business system delivers its register in bulk like any dataset: households with their members'
// dated memberships in one file, assistance cases in another; each row checked, a rejects report, all or nothing
// within the threshold, the same bytes recognised; a re-delivery updates the register and keeps its history.

const HOUSEHOLD_HEADER = 'register_number,region_code,area_type,address,id_number,name,relation,valid_from,valid_to';
const CASE_HEADER =
  'case_number,register_number,kind,status,started_on,ended_on,monthly_amount_fen,single_person_id_number,grace_period_started_on';

const database = await createTestDatabase();
const hub = await startTestApp(database.url);
let token: string;
let housingToken: string;
let township: string;
let otherCounty: string;

beforeAll(async () => {
  const tree = await createRegionTree(hub.prisma);
  township = tree.township.code;
  otherCounty = tree.otherCounty.code;
  const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: tree.county.code });
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode: tree.city.code });
  token = await createPartnerToken(hub.prisma, civilAffairs.id);
  housingToken = await createPartnerToken(hub.prisma, housing.id);
  await hub.prisma.assistanceStandard.create({
    data: {
      regionCode: tree.city.code,
      year: 2025,
      effectiveFrom: new Date(Date.UTC(2025, 0, 1)),
      areaType: 'RURAL',
      minimumLivingMonthlyFen: 80_000,
      gracePeriodMonths: 12,
    },
  });
});

const person = (sex: 'MALE' | 'FEMALE', birthYear: number) => uniqueIdNumber({ sex, birthYear }).idNumber;
const file = (header: string, rows: string[]) => `${[header, ...rows].join('\n')}\n`;
const deliver = (dataset: string, body: string, options: { asOf?: string; rejectThreshold?: string } = {}) =>
  uploadSnapshot(hub.url, { token, dataset, body, asOf: options.asOf ?? '2025-06-30', ...options });

async function rejectsOf(snapshotId: string) {
  const response = await fetch(`${hub.url}/datasets/snapshots/${snapshotId}/rejects.csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.text()).trim().split('\n').slice(1);
}

async function compositionOf(registerNumber: string) {
  const household = await hub.prisma.household.findUniqueOrThrow({
    where: { registerNumber },
    include: { memberships: { include: { person: true }, orderBy: [{ validFrom: 'asc' }, { relation: 'asc' }] } },
  });
  return household.memberships.map((row) => ({
    idNumber: row.person.idNumber,
    relation: row.relation,
    validFrom: row.validFrom.toISOString().slice(0, 10),
    validTo: row.validTo?.toISOString().slice(0, 10) ?? null,
  }));
}

describe('the register delivered in bulk', () => {
  const head = person('MALE', 1968);
  const spouse = person('FEMALE', 1971);
  const child = person('FEMALE', 2012);
  const registerNumber = `HH-${uniqueNumber()}`;
  const address = '水南村12号';
  const first = () => [
    `${registerNumber},${township},RURAL,${address},${head},王建国,HEAD,2024-01-01,`,
    `${registerNumber},${township},RURAL,${address},${spouse},李秀兰,SPOUSE,2024-01-01,`,
    `${registerNumber},${township},RURAL,${address},${child},王小丽,CHILD,2024-01-01,`,
  ];

  it('takes households with their members, adding the persons it does not know', async () => {
    const answer = await deliver('HOUSEHOLD_REGISTER', file(HOUSEHOLD_HEADER, first()));
    expect(answer.body.error).toBeUndefined();
    expect(answer.status).toBe(201);
    expect(answer.body.snapshot).toMatchObject({ status: 'CURRENT', rowCount: 3, acceptedCount: 3, rejectCount: 0 });
    // The switch is on record as a typed event, as every dataset's is.
    const snapshotId = (answer.body.snapshot as { id: string }).id;
    const events = await hub.prisma.auditEntry.findMany({ where: { event: 'SNAPSHOT_SWITCHED' } });
    expect(
      events.filter((entry) => (entry.change as { snapshotId?: string } | null)?.snapshotId === snapshotId),
    ).toHaveLength(1);
    expect(await compositionOf(registerNumber)).toEqual([
      { idNumber: head, relation: 'HEAD', validFrom: '2024-01-01', validTo: null },
      { idNumber: spouse, relation: 'SPOUSE', validFrom: '2024-01-01', validTo: null },
      { idNumber: child, relation: 'CHILD', validFrom: '2024-01-01', validTo: null },
    ]);
    const stored = await hub.prisma.person.findUniqueOrThrow({
      where: { idNumber: spouse },
      include: { household: true },
    });
    expect(stored).toMatchObject({ sex: 'FEMALE', name: '李秀兰', relation: 'SPOUSE' });
    expect(stored.birthDate.toISOString().slice(0, 10)).toBe(`1971-${spouse.slice(10, 12)}-${spouse.slice(12, 14)}`);
    expect(stored.household).toMatchObject({ regionCode: township, areaType: 'RURAL', address });
  });

  it('recognises the same bytes delivered again and changes nothing', async () => {
    const again = await deliver('HOUSEHOLD_REGISTER', file(HOUSEHOLD_HEADER, first()), { asOf: '2025-07-01' });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
  });

  it('updates the register from a re-delivery and keeps the composition’s history', async () => {
    const grandmother = person('FEMALE', 1940);
    const ownNumber = `HH-${uniqueNumber()}`;
    const rows = [
      `${registerNumber},${township},RURAL,水南村14号,${head},王建国,HEAD,2024-01-01,`,
      `${registerNumber},${township},RURAL,水南村14号,${spouse},李秀兰,SPOUSE,2024-01-01,2025-03-01`,
      `${registerNumber},${township},RURAL,水南村14号,${grandmother},张桂英,PARENT,2025-05-01,`,
      // the spouse moved out into a household of her own, in the same file
      `${ownNumber},${township},RURAL,水南村30号,${spouse},李秀兰,HEAD,2025-03-01,`,
    ];
    const answer = await deliver('HOUSEHOLD_REGISTER', file(HOUSEHOLD_HEADER, rows), { asOf: '2025-09-30' });
    expect(answer.status).toBe(201);
    // The child is no longer listed: her membership ends on the delivery's as-of date, never deleted.
    expect(await compositionOf(registerNumber)).toEqual([
      { idNumber: head, relation: 'HEAD', validFrom: '2024-01-01', validTo: null },
      { idNumber: spouse, relation: 'SPOUSE', validFrom: '2024-01-01', validTo: '2025-03-01' },
      { idNumber: child, relation: 'CHILD', validFrom: '2024-01-01', validTo: '2025-09-30' },
      { idNumber: grandmother, relation: 'PARENT', validFrom: '2025-05-01', validTo: null },
    ]);
    const household = await hub.prisma.household.findUniqueOrThrow({ where: { registerNumber } });
    expect(household.address).toBe('水南村14号');
    expect(await compositionOf(ownNumber)).toEqual([
      { idNumber: spouse, relation: 'HEAD', validFrom: '2025-03-01', validTo: null },
    ]);
    const moved = await hub.prisma.person.findUniqueOrThrow({
      where: { idNumber: spouse },
      include: { household: true },
    });
    expect(moved.household?.registerNumber).toBe(ownNumber);
  });

  it('takes assistance cases, computing the grace period’s end from the region’s standard', async () => {
    const caseNumber = `DB-${uniqueNumber()}`;
    const rows = [
      `${caseNumber},${registerNumber},MINIMUM_LIVING_GUARANTEE,GRACE_PERIOD,2024-03-01,,42000,${head},2025-02-01`,
    ];
    const answer = await deliver('ASSISTANCE_CASE', file(CASE_HEADER, rows));
    expect(answer.body.error).toBeUndefined();
    expect(answer.body.snapshot).toMatchObject({ status: 'CURRENT', acceptedCount: 1 });
    const stored = await hub.prisma.assistanceCase.findUniqueOrThrow({
      where: { caseNumber },
      include: { singlePerson: true },
    });
    expect(stored).toMatchObject({
      kind: 'MINIMUM_LIVING_GUARANTEE',
      status: 'GRACE_PERIOD',
      monthlyAmountFen: 42_000,
    });
    expect(stored.singlePerson?.idNumber).toBe(head);
    expect(stored.gracePeriodEndsOn?.toISOString().slice(0, 10)).toBe('2026-01-31');

    const ended = [
      `${caseNumber},${registerNumber},MINIMUM_LIVING_GUARANTEE,TERMINATED,2024-03-01,2025-06-30,42000,${head},2025-02-01`,
    ];
    expect((await deliver('ASSISTANCE_CASE', file(CASE_HEADER, ended))).status).toBe(201);
    expect(await hub.prisma.assistanceCase.findUniqueOrThrow({ where: { caseNumber } })).toMatchObject({
      status: 'TERMINATED',
    });
    // A terminated case changes no more: record a new one.
    const reopened = await deliver(
      'ASSISTANCE_CASE',
      file(
        CASE_HEADER,
        rows.map((row) => row.replace('42000', '45000')),
      ),
      {
        rejectThreshold: '0',
      },
    );
    expect(reopened.body.error?.code).toBe('REJECT_THRESHOLD_EXCEEDED');
    expect(await rejectsOf(reopened.body.snapshot?.id as string)).toEqual(['2,CASE_TERMINATED,status,GRACE_PERIOD']);
  });

  it('names every row at fault, rejects a household whole, and refuses the file over the threshold', async () => {
    const before = await hub.prisma.householdMembership.count();
    const good = `HH-${uniqueNumber()}`;
    const bad = `HH-${uniqueNumber()}`;
    const [a, b, c] = [person('MALE', 1980), person('FEMALE', 1982), person('MALE', 1950)];
    const misTyped = `${c.slice(0, 17)}${c[17] === '1' ? '2' : '1'}`;
    const rows = [
      `${good},${township},URBAN,解放路1号,${person('MALE', 1975)},赵一,HEAD,2025-01-01,`,
      `${bad},${township},URBAN,解放路2号,${a},钱二,HEAD,2025-01-01,`,
      `${bad},${township},URBAN,解放路2号,${b},孙三,HEAD,2025-01-01,`,
      `${bad},${township},URBAN,解放路2号,${misTyped},李四,PARENT,2025-02-30,`,
      `HH-${uniqueNumber()},${otherCounty},URBAN,外县1号,${person('MALE', 1990)},周五,HEAD,2025-01-01,`,
      `HH-${uniqueNumber()},${township},URBAN,解放路3号,${head},王建国,HEAD,2025-01-01,`,
      `${bad},${township},URBAN,解放路2号,${person('FEMALE', 2015)},钱小妹,CHILD,2025-01-01,`,
    ];
    const answer = await deliver('HOUSEHOLD_REGISTER', file(HOUSEHOLD_HEADER, rows), { rejectThreshold: '0' });
    expect(answer.status).toBe(422);
    expect(answer.body.snapshot).toMatchObject({ status: 'REFUSED', rowCount: 7, rejectCount: 6 });
    expect(await rejectsOf(answer.body.snapshot?.id as string)).toEqual([
      '3,SEVERAL_CURRENT_HEADS,relation,HEAD',
      '4,SEVERAL_CURRENT_HEADS,relation,HEAD',
      `5,INVALID_ID_CHECK_CHARACTER,id_number,${misTyped.slice(0, 6)}********${misTyped.slice(14)}`,
      '5,INVALID_DATE,valid_from,2025-02-30',
      `6,OUTSIDE_REACH,region_code,${otherCounty}`,
      `7,MEMBER_OF_ANOTHER_HOUSEHOLD,id_number,${head.slice(0, 6)}********${head.slice(14)}`,
      `8,HOUSEHOLD_REJECTED,,${bad}`,
    ]);
    expect(await hub.prisma.householdMembership.count()).toBe(before);
    expect(await hub.prisma.household.findUnique({ where: { registerNumber: good } })).toBeNull();
  });

  it('refuses cases of a household it does not have and a 单人户 person who is not a member', async () => {
    const stranger = person('MALE', 1955);
    const rows = [
      `DB-${uniqueNumber()},HH-NONE-${uniqueNumber()},LOW_INCOME,ACTIVE,2025-01-01,,10000,,`,
      `DB-${uniqueNumber()},${registerNumber},LOW_INCOME,ACTIVE,2025-01-01,,10000,${stranger},`,
      `DB-${uniqueNumber()},${registerNumber},LOW_INCOME,GRACE_PERIOD,2025-01-01,,10000,,`,
    ];
    const answer = await deliver('ASSISTANCE_CASE', file(CASE_HEADER, rows), { rejectThreshold: '0' });
    expect(answer.status).toBe(422);
    const reasons = (await rejectsOf(answer.body.snapshot?.id as string)).map((line) =>
      line.split(',').slice(0, 3).join(','),
    );
    expect(reasons).toEqual([
      '2,UNKNOWN_HOUSEHOLD,register_number',
      '3,NOT_A_MEMBER,single_person_id_number',
      '4,GRACE_PERIOD_START_MISSING,grace_period_started_on',
    ]);
  });

  it('takes an NDJSON file as well', async () => {
    const number = `HH-${uniqueNumber()}`;
    const member = person('MALE', 1985);
    const line = {
      register_number: number,
      region_code: township,
      area_type: 'URBAN',
      address: '解放路9号',
      id_number: member,
      name: '冯九',
      relation: 'HEAD',
      valid_from: '2025-02-01',
    };
    const answer = await uploadSnapshot(hub.url, {
      token,
      dataset: 'HOUSEHOLD_REGISTER',
      asOf: '2025-06-30',
      contentType: 'application/x-ndjson',
      body: `${JSON.stringify(line)}\n`,
    });
    expect(answer.status).toBe(201);
    expect(await compositionOf(number)).toEqual([
      { idNumber: member, relation: 'HEAD', validFrom: '2025-02-01', validTo: null },
    ]);
  });

  it('takes the register only from a civil-affairs department', async () => {
    const answer = await uploadSnapshot(hub.url, {
      token: housingToken,
      dataset: 'HOUSEHOLD_REGISTER',
      asOf: '2025-06-30',
      body: file(HOUSEHOLD_HEADER, first()),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('NOT_DATASET_PROVIDER');
  });

  it('gives each grace period the months of the version in force on its first day, within one year', async () => {
    const city = await hub.prisma.assistanceStandard.findFirstOrThrow({ where: { year: 2025, areaType: 'RURAL' } });
    await hub.prisma.assistanceStandard.create({
      data: {
        regionCode: city.regionCode,
        year: 2025,
        effectiveFrom: new Date(Date.UTC(2025, 6, 1)),
        areaType: 'RURAL',
        minimumLivingMonthlyFen: 80_000,
        gracePeriodMonths: 6,
      },
    });
    const cases = [
      ['2025-06-30', '2026-06-29'],
      ['2025-07-01', '2025-12-31'],
    ].map(([startedOn, endsOn]) => ({ caseNumber: `DB-${uniqueNumber()}`, startedOn, endsOn }));
    const rows = cases.map(
      ({ caseNumber, startedOn }) =>
        `${caseNumber},${registerNumber},MINIMUM_LIVING_GUARANTEE,GRACE_PERIOD,2024-03-01,,42000,,${startedOn}`,
    );
    expect((await deliver('ASSISTANCE_CASE', file(CASE_HEADER, rows), { asOf: '2025-07-31' })).status).toBe(201);
    for (const { caseNumber, endsOn } of cases) {
      const stored = await hub.prisma.assistanceCase.findUniqueOrThrow({ where: { caseNumber } });
      expect(stored.gracePeriodEndsOn?.toISOString().slice(0, 10)).toBe(endsOn);
    }
  });
});
