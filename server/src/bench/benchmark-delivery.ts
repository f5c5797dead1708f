import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Dataset } from '@hub/prisma';
import { createPrismaClient } from '@hub/prisma';
import { serviceDay } from '@hub/schema/calendar/service-day';
import { datasetItemCodes, datasetProviderKind } from '@hub/schema/delivery-formats';
import pg from 'pg';
import { userChangeActor } from '../audit/change-actors.ts';
import { createApiClient } from '../identity/create-api-client.ts';
import { hashPassword } from '../identity/hash-password.ts';
import { issueAccessToken } from '../identity/issue-access-token.ts';
import type { BenchmarkRows, BenchmarkWorld } from './benchmark-delivery-rows.ts';

// What the import and retention benchmarks share: a provider to deliver as, the world rows are drawn from, a file.

export function wholeNumber(text: string, option: string): number {
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} takes a whole number, got "${text}"`);
  return value;
}

/**
 * A department of the seeded region that provides `dataset` (one per dataset, so that one database serves them all), with an API client, and its access token; it delivers
 * under an agreement with the verification centre, as every provider must.
 */
export async function benchProvider(url: string, dataset: Dataset): Promise<string> {
  const prisma = createPrismaClient(url, { maxConnections: 1 });
  try {
    const bank = await prisma.department.create({
      data: {
        code: `BENCH_${dataset}`,
        kind: datasetProviderKind(dataset),
        name: '基准测试部门',
        regionCode: '640100',
      },
    });
    const user = await prisma.user.create({
      data: {
        username: `bench-${dataset.toLowerCase()}`,
        displayName: 'bench',
        passwordHash: await hashPassword('bench bench bench'),
        role: 'ADMIN',
        departmentId: bank.id,
      },
    });
    const centre = await prisma.department.create({
      data: { code: `BENCH_CENTRE_${dataset}`, kind: 'CIVIL_AFFAIRS', name: '基准测试核对中心', regionCode: '640100' },
    });
    const day = serviceDay();
    await prisma.sharingAgreement.create({
      data: {
        code: `BENCH-${dataset}`,
        title: '基准测试数据共享',
        providerDepartmentId: bank.id,
        consumerDepartmentId: centre.id,
        purposes: ['MINIMUM_LIVING_GUARANTEE'],
        validFrom: new Date(day.getTime() - 86_400_000),
        validUntil: new Date(day.getTime() + 86_400_000),
        status: 'ACTIVE',
        authorId: user.id,
        approvedAt: new Date(),
        items: {
          create: datasetItemCodes(dataset).map((itemCode) => ({ itemCode, accessLevel: 'FULL' as const })),
        },
      },
    });
    const { apiClient, clientSecret } = await createApiClient(
      prisma,
      { departmentId: bank.id, name: 'bench' },
      user.id,
      userChangeActor(user, 'hub bench import'),
    );
    const issued = await issueAccessToken(prisma, { clientId: apiClient.clientId, clientSecret });
    if (!issued) throw new Error('the token exchange refused the benchmark client');
    return issued.accessToken;
  } finally {
    await prisma.$disconnect();
  }
}

/** The seeded persons' identity numbers, in order, and the codes of the regions the hub knows. */
export async function loadBenchmarkWorld(url: string): Promise<BenchmarkWorld> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = await client.query<{ id_number: string }>('SELECT id_number FROM persons ORDER BY id_number');
    const regions = await client.query<{ code: string }>('SELECT code FROM regions ORDER BY code');
    return { idNumbers: ids.rows.map((row) => row.id_number), regionCodes: regions.rows.map((row) => row.code) };
  } finally {
    await client.end();
  }
}

/** `rows` lines of `format` written to `path` after its header; `first` numbers the first row. */
export async function writeDeliveryFile(path: string, rows: number, format: BenchmarkRows, first = 0): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${format.header}\n`);
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(format.row(first + i));
    if (batch.length === 10_000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
}
