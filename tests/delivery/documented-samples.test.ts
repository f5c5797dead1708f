import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '@hub/prisma';
import { parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
import {
  DELIVERY_FORMATS,
  datasetItemCodes,
  datasetProviderKind,
  findRegisterFormat,
} from '@hub/schema/delivery-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../factories/agreements.ts';
import { createPartnerToken } from '../factories/api-clients.ts';
import { uploadSnapshot } from '../factories/deliveries.ts';
import { createDepartment } from '../factories/departments.ts';
import { startTestApp } from '../factories/http-app.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { repositoryRoot } from '../support/documented-examples.ts';

// docs/delivery-formats.md shows a sample file for every dataset: each one, uploaded as its department would, must
// become the current snapshot with every row accepted, so that a department copying it starts from a valid file.

const page = readFileSync(join(repositoryRoot, 'docs/delivery-formats.md'), 'utf8');

/** The CSV sample under the `## DATASET` heading, or undefined when the section or its sample is missing. */
function documentedSample(dataset: Dataset): string | undefined {
  const section = page.split(/^## /m).find((part) => part.startsWith(`${dataset}\n`));
  return section?.match(/```csv\n([\s\S]*?)```/)?.[1];
}

const SAMPLES = DELIVERY_FORMATS.map((format) => ({
  format,
  dataset: format.dataset,
  sample: documentedSample(format.dataset),
}));

const db = await createTestDatabase();
const hub = await startTestApp(db.url);
let centreId: string;

/** The values a sample's rows hold in the columns of `type`. */
function valuesOfType(type: string): string[] {
  return SAMPLES.flatMap(({ format, sample }) => {
    const [header = '', ...rows] = (sample ?? '').trim().split('\n');
    const names = header.split(',');
    const wanted = format.columns.filter((column) => column.type === type).map((column) => names.indexOf(column.name));
    return rows.flatMap((row) => wanted.map((at) => row.split(',')[at] ?? ''));
  });
}

beforeAll(async () => {
  // The persons and regions the samples name, as the hub must know them before it accepts the rows.
  const regionCodes = [...new Set(valuesOfType('REGION_CODE'))];
  await hub.prisma.region.createMany({
    data: regionCodes.map((code) => ({ code, name: `地区${code}`, level: code.length > 6 ? 'VILLAGE' : 'COUNTY' })),
  });
  const idNumbers = [...new Set(valuesOfType('ID_NUMBER'))].map((idNumber) => parseCitizenId(idNumber));
  await hub.prisma.person.createMany({
    data: idNumbers.map(({ idNumber, birthDate, sex }) => ({
      idNumber,
      birthDate,
      sex,
      name: `居民${idNumber.slice(-4)}`,
    })),
  });
  centreId = (await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: regionCodes[0] ?? '' })).id;
});

describe.each(SAMPLES)('the documented $dataset sample', ({ dataset, format, sample }) => {
  it('is shown with the header of its format', () => {
    expect(sample, `docs/delivery-formats.md has no csv sample under "## ${dataset}"`).toBeDefined();
    const header = sample?.split('\n')[0]?.split(',') ?? [];
    expect(new Set(header)).toEqual(new Set(format.columns.map((column) => column.name)));
  });

  it('is accepted whole when its department uploads it', async () => {
    const department = await createDepartment(hub.prisma, {
      kind: datasetProviderKind(dataset),
      regionCode: valuesOfType('REGION_CODE')[0] ?? '',
    });
    await createAgreement(hub.prisma, {
      providerDepartmentId: department.id,
      consumerDepartmentId: centreId,
      items: Object.fromEntries(datasetItemCodes(dataset).map((code) => [code, 'FULL'])),
    });
    const answer = await uploadSnapshot(hub.url, {
      token: await createPartnerToken(hub.prisma, department.id),
      dataset,
      asOf: '2026-11-30',
      body: sample ?? '',
    });
    const rows = (sample ?? '').trim().split('\n').length - 1;
    expect(answer.body.snapshot).toMatchObject({ status: 'CURRENT', rejectCount: 0, acceptedCount: rows });
    expect(rows).toBeGreaterThan(0);
  });
});

// docs/register.md shows the civil-affairs register's two files; delivered in order (households first, then the
// cases of those households) by the civil-affairs business system of the county, both are accepted whole.
describe('the documented register samples', () => {
  const registerPage = readFileSync(join(repositoryRoot, 'docs/register.md'), 'utf8');
  const registerSample = (dataset: Dataset) =>
    registerPage
      .split(/^### /m)
      .find((part) => part.startsWith(`${dataset}:`))
      ?.match(/```csv\n([\s\S]*?)```/)?.[1];

  it.each(['HOUSEHOLD_REGISTER', 'ASSISTANCE_CASE'] as const)('show %s with the header of its format', (dataset) => {
    const header = registerSample(dataset)?.split('\n')[0]?.split(',');
    expect(header).toEqual(findRegisterFormat(dataset)?.columns.map((column) => column.name));
  });

  it('are accepted whole, households first and then their cases', async () => {
    await hub.prisma.region.createMany({
      data: [
        { code: '361100', name: '上饶市', level: 'CITY' },
        { code: '361121', name: '上饶县', level: 'COUNTY', parentCode: '361100' },
      ],
    });
    // The grace period's months come from the city's standard of the year it starts in.
    await hub.prisma.assistanceStandard.create({
      data: {
        regionCode: '361100',
        year: 2020,
        effectiveFrom: new Date(Date.UTC(2020, 0, 1)),
        areaType: 'RURAL',
        minimumLivingMonthlyFen: 47_000,
        gracePeriodMonths: 6,
      },
    });
    const civilAffairs = await createDepartment(hub.prisma, { kind: 'CIVIL_AFFAIRS', regionCode: '361121' });
    const token = await createPartnerToken(hub.prisma, civilAffairs.id);
    for (const dataset of ['HOUSEHOLD_REGISTER', 'ASSISTANCE_CASE'] as const) {
      const sample = registerSample(dataset) ?? '';
      const answer = await uploadSnapshot(hub.url, { token, dataset, asOf: '2020-06-30', body: sample });
      const rows = sample.trim().split('\n').length - 1;
      expect(answer.body.snapshot, dataset).toMatchObject({ status: 'CURRENT', rejectCount: 0, acceptedCount: rows });
    }
  });
});
