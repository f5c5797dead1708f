import { maskCitizenId } from '@hub/prisma/identity/citizen-id-number';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeliveringBank, depositFile, uploadSnapshot } from '../factories/deliveries.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { uniqueIdNumber } from '../factories/unique.ts';
import { createUser } from '../factories/users.ts';
import { createTestDatabase } from '../setup/test-database.ts';

const db = await createTestDatabase();
const hub = await startTestApp(db.url);

let regionCode: string;
let delivering: Awaited<ReturnType<typeof createDeliveringBank>>;

async function rejectsReport(snapshotId: string, token: string) {
  const response = await fetch(`${hub.url}/datasets/snapshots/${snapshotId}/rejects.csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  delivering = await createDeliveringBank(hub.prisma, { regionCode, persons: 4 });
});

describe('a BANK_DEPOSIT file with bad rows above the threshold', () => {
  let refusedId: string;
  let currentId: string;
  let ids: string[];

  it('is refused, and the previous snapshot stays current with its records', async () => {
    ids = delivering.persons.map((person) => person.idNumber);
    const good = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-08-31', body: depositFile(ids) });
    currentId = good.body.snapshot?.id as string;
    const wrongCheck = `${ids[0]?.slice(0, 17)}${ids[0]?.endsWith('0') ? '1' : '0'}`;
    const stranger = uniqueIdNumber().idNumber;
    const bad = depositFile(
      ids,
      [
        `${wrongCheck},6222X6,DEMAND,100,2019-03-02`,
        `${stranger},6222X7,DEMAND,100,2019-03-02`,
        `${ids[1]},6222X8,TIME,100,2019-02-30`,
        `${ids[2]},6222X9,TIME,-500,2019-03-02`,
        `${ids[3]},6222X10,,100,2019-03-02`,
        `${ids[1]},6222A0,DEMAND,100,2019-03-02`,
      ],
      'A',
    );
    const refused = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-11-30', body: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('REJECT_THRESHOLD_EXCEEDED');
    expect(refused.body.snapshot).toMatchObject({ status: 'REFUSED', rowCount: 10, acceptedCount: 0, rejectCount: 6 });
    refusedId = refused.body.snapshot?.id as string;

    const current = await hub.prisma.datasetSnapshot.findMany({
      where: { departmentId: delivering.bank.id, status: 'CURRENT' },
    });
    expect(current.map((snapshot) => snapshot.id)).toEqual([currentId]);
    expect(await hub.prisma.bankDeposit.count({ where: { snapshotId: currentId } })).toBe(4);
    expect(await hub.prisma.bankDeposit.count({ where: { snapshotId: refusedId } })).toBe(0);

    const report = await rejectsReport(refusedId, delivering.token);
    expect(report.status).toBe(200);
    expect(report.type).toMatch(/^text\/csv/);
    expect(report.text.trim().split('\n')).toEqual([
      'line,reason,column,value',
      `6,INVALID_ID_CHECK_CHARACTER,id_number,${maskCitizenId(wrongCheck)}`,
      '8,INVALID_DATE,opened_on,2019-02-30',
      '9,NEGATIVE_AMOUNT,balance_fen,-500',
      '10,MISSING_VALUE,deposit_type,',
      '11,DUPLICATE_ROW,account_number,6222A0',
      // Persons the hub does not hold: how many, never which line or number (docs/access.md).
      ',UNKNOWN_PERSON,id_number,1',
    ]);
    expect(report.text).not.toContain(maskCitizenId(stranger));
  });

  it('lets the same rows in under a threshold that allows them, leaving out the bad ones', async () => {
    const file = depositFile(ids.slice(0, 3), [`${ids[3]},6222Y0,DEMAND,-1,2019-03-02`], 'Y');
    const accepted = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-11-30',
      rejectThreshold: '1',
      body: file,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.snapshot).toMatchObject({ status: 'CURRENT', rowCount: 4, acceptedCount: 3, rejectCount: 1 });
  });

  it('shows the report to an administrator, and to no other department', async () => {
    const other = await createDeliveringBank(hub.prisma, { regionCode, persons: 0 });
    expect((await rejectsReport(refusedId, other.token)).status).toBe(404);
    const { user, password } = await createUser(hub.prisma, { role: 'ADMIN', departmentId: other.bank.id });
    const admin = await rejectsReport(refusedId, await hub.logIn(user.username, password));
    expect(admin.status).toBe(200);
    expect(admin.text.split('\n')).toHaveLength(8);
    const officer = await createUser(hub.prisma, { role: 'VERIFICATION_OFFICER', departmentId: other.bank.id });
    expect((await rejectsReport(refusedId, await hub.logIn(officer.user.username, officer.password))).status).toBe(404);
  });
});

describe('persons the hub does not hold', () => {
  it('are reported to the bank only as a count, so that it learns no customer the hub holds or not', async () => {
    const known = delivering.persons.map((person) => person.idNumber);
    const strangers = [uniqueIdNumber().idNumber, uniqueIdNumber().idNumber, uniqueIdNumber().idNumber];
    const file = depositFile(
      known.slice(0, 1),
      [
        `${strangers[0]},6222Z1,DEMAND,100,2019-03-02`,
        `${known[1]},6222Z2,DEMAND,100,2019-02-30`,
        `${strangers[1]},6222Z3,DEMAND,100,2019-03-02`,
        `${strangers[2]},6222Z4,DEMAND,100,2019-03-02`,
      ],
      'Z',
    );
    const answer = await uploadSnapshot(hub.url, { token: delivering.token, asOf: '2026-12-01', body: file });
    const report = await rejectsReport(answer.body.snapshot?.id as string, delivering.token);
    expect(report.text.trim().split('\n')).toEqual([
      'line,reason,column,value',
      '4,INVALID_DATE,opened_on,2019-02-30',
      ',UNKNOWN_PERSON,id_number,3',
    ]);
    for (const stranger of strangers) expect(report.text).not.toContain(maskCitizenId(stranger));
  });
});

describe('rows in NDJSON', () => {
  it('are judged like CSV rows, a line that is not JSON rejected as such', async () => {
    const [a, b] = delivering.persons;
    const lines = [
      JSON.stringify({
        id_number: a?.idNumber,
        account_number: 'N1',
        deposit_type: 'TIME',
        balance_fen: 5,
        opened_on: '2020-01-01',
      }),
      '',
      '{"id_number": ',
      JSON.stringify({
        id_number: b?.idNumber,
        account_number: 'N2',
        deposit_type: 'TIME',
        balance_fen: 7,
        opened_on: '2020-01-01',
        colour: 'red',
      }),
    ];
    const answer = await uploadSnapshot(hub.url, {
      token: delivering.token,
      asOf: '2026-11-30',
      contentType: 'application/x-ndjson',
      rejectThreshold: '0',
      body: lines.join('\n'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.snapshot).toMatchObject({ status: 'REFUSED', rowCount: 3, rejectCount: 2 });
    const report = await rejectsReport(answer.body.snapshot?.id as string, delivering.token);
    expect(report.text.trim().split('\n')).toEqual([
      'line,reason,column,value',
      '3,MALFORMED_JSON,,',
      '4,UNKNOWN_FIELD,colour,',
    ]);
  });
});
