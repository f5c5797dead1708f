import { datasetItemCodes, findDeliveryFormat } from '@hub/schema/delivery-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { createPerson } from '../factories/households.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createRegion } from '../factories/regions.ts';
import { createTestDatabase } from '../setup/test-database.ts';

// The set-based checks spell the shape of a DECIMAL (digits, at most one point, the scale), a day and a repeated key
// with plain string functions and hashes rather than a regular expression or a sort per row: every malformed value
// must still be told apart from a good one, with the same reason.

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
let token: string;
let regionCode: string;
let owner: string;

beforeAll(async () => {
  regionCode = (await createRegion(hub.prisma)).code;
  const housing = await createDepartment(hub.prisma, { kind: 'HOUSING', regionCode });
  const centre = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode });
  await createAgreement(hub.prisma, {
    providerDepartmentId: housing.id,
    consumerDepartmentId: centre.id,
    items: Object.fromEntries(datasetItemCodes('REAL_ESTATE').map((code) => [code, 'FULL'])),
  });
  token = await createPartnerToken(hub.prisma, housing.id);
  owner = (await createPerson(hub.prisma)).idNumber;
});

describe('a REAL_ESTATE file', () => {
  it('has each malformed area, share, day and repeated key rejected with its reason, and the good rows kept', async () => {
    // [area_m2, share_percent, acquired_on, certificate, the reject expected or null]
    const rows: [string, string, string, string, string | null][] = [
      ['89.50', '', '2019-05-01', 'A1', null],
      ['12.345', '', '2019-05-01', 'A2', 'INVALID_NUMBER,area_m2'],
      ['.5', '', '2019-05-01', 'A3', 'INVALID_NUMBER,area_m2'],
      ['5.', '', '2019-05-01', 'A4', 'INVALID_NUMBER,area_m2'],
      ['1.2.3', '', '2019-05-01', 'A5', 'INVALID_NUMBER,area_m2'],
      ['-3', '', '2019-05-01', 'A6', 'INVALID_NUMBER,area_m2'],
      ['1e3', '', '2019-05-01', 'A7', 'INVALID_NUMBER,area_m2'],
      ['123456789', '', '2019-05-01', 'A8', 'INVALID_NUMBER,area_m2'],
      ['１２', '', '2019-05-01', 'A9', 'INVALID_NUMBER,area_m2'],
      [' 12', '', '2019-05-01', 'A10', 'INVALID_NUMBER,area_m2'],
      ['99999999.99', '', '2019-05-01', 'A11', null],
      ['0', '0.01', '2019-05-01', 'A12', null],
      ['60', '0', '2019-05-01', 'A13', 'OUT_OF_RANGE,share_percent'],
      ['60', '100.01', '2019-05-01', 'A14', 'OUT_OF_RANGE,share_percent'],
      ['60', '1000', '2019-05-01', 'A15', 'INVALID_NUMBER,share_percent'],
      ['60', '100', '2019-05-01', 'A16', null],
      ['60', '', '2019-02-30', 'A17', 'INVALID_DATE,acquired_on'],
      ['60', '', '2019-3-01', 'A18', 'INVALID_DATE,acquired_on'],
      ['60', '', '1899-12-31', 'A19', 'INVALID_DATE,acquired_on'],
      ['60', '', '2019-05-01', 'A1', 'DUPLICATE_ROW,id_number+certificate_number'],
      ['70', '', '2020-05-01', 'A1', 'DUPLICATE_ROW,id_number+certificate_number'],
    ];
    const header = findDeliveryFormat('REAL_ESTATE')
      ?.columns.map((column) => column.name)
      .join(',');
    const lines = rows.map(
      ([area, share, day, certificate]) =>
        `${owner},${certificate},信州区中山路1号,${regionCode},RESIDENTIAL,"${area}",${share},${day},`,
    );
    const answer = await uploadSnapshot(hub.url, {
      token,
      dataset: 'REAL_ESTATE',
      asOf: '2026-11-30',
      rejectThreshold: '100',
      body: `${[header, ...lines].join('\n')}\n`,
    });
    const expected = rows.flatMap(([, , , , reject], i) => (reject ? [`${i + 2},${reject}`] : []));
    expect(answer.body.snapshot).toMatchObject({
      status: 'CURRENT',
      rowCount: rows.length,
      rejectCount: expected.length,
      acceptedCount: rows.length - expected.length,
    });
    const response = await fetch(`${hub.url}/datasets/snapshots/${answer.body.snapshot?.id}/rejects.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const found = (await response.text())
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(0, 3).join(','));
    expect(found.sort()).toEqual(expected.sort());
  });
});
