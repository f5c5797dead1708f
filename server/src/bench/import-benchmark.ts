import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Dataset } from '@hub/prisma';
import { createPrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { serviceDay } from '@hub/schema/calendar/service-day';
import { datasetItemCodes, datasetProviderKind } from '@hub/schema/delivery-formats';
import pg from 'pg';
import { userChangeActor } from '../audit/change-actors.ts';
import { createHttpApp } from '../http/create-http-app.ts';
import { createApiClient } from '../identity/create-api-client.ts';
import { hashPassword } from '../identity/hash-password.ts';
import { issueAccessToken } from '../identity/issue-access-token.ts';
import { BENCHMARK_ROWS, type BenchmarkRows } from './benchmark-delivery-rows.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

const GOAL_SECONDS = 15;

export function wholeNumber(text: string, option: string): number {
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} takes a whole number, got "${text}"`);
  return value;
}

/**
 * A department of the seeded region that provides `dataset`, with an API client, and its access token; it delivers
 * under an agreement with the verification centre, as every provider must.
 */
export async function benchProvider(url: string, dataset: Dataset): Promise<string> {
  const prisma = createPrismaClient(url, { maxConnections: 1 });
  try {
    const bank = await prisma.department.create({
      data: { code: 'BENCH_PROVIDER', kind: datasetProviderKind(dataset), name: '基准测试部门', regionCode: '640100' },
    });
    const user = await prisma.user.create({
      data: {
        username: 'bench',
        displayName: 'bench',
        passwordHash: await hashPassword('bench bench bench'),
        role: 'ADMIN',
        departmentId: bank.id,
      },
    });
    const centre = await prisma.department.create({
      data: { code: 'BENCH_CENTRE', kind: 'CIVIL_AFFAIRS', name: '基准测试核对中心', regionCode: '640100' },
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

/** `rows` rows spread over the seeded persons, several each, written to `path`; `first` numbers the first row. */
export async function writeDeliveryFile(
  url: string,
  path: string,
  rows: number,
  format: BenchmarkRows,
  first = 0,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ids = (await client.query<{ id_number: string }>('SELECT id_number FROM persons ORDER BY id_number')).rows;
  await client.end();
  const out = createWriteStream(path);
  out.write(`${format.header}\n`);
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(format.row(ids[i % ids.length]?.id_number ?? '', first + i));
    if (batch.length === 10_000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
}

/**
 * `pnpm bench import [--dataset REAL_ESTATE]`: seeds `--persons` persons into a fresh embedded PostgreSQL, writes a
 * `--rows`-row CSV of the dataset (BANK_DEPOSIT unless told) for them, and uploads it over HTTP as the provider's API
 * client; reports rows/s and the seconds of each phase (COPY to staging, validation, the switch) against the goal of
 * a million rows in under 15 s.
 */
export async function importBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '1000000' },
      persons: { type: 'string', default: '400000' },
      dataset: { type: 'string', default: 'BANK_DEPOSIT' },
    },
  });
  const dataset = values.dataset.toUpperCase() as Dataset;
  const format = BENCHMARK_ROWS[dataset];
  if (!format) throw new Error(`--dataset takes one of ${Object.keys(BENCHMARK_ROWS).join(', ')}`);
  const rows = wholeNumber(values.rows, '--rows');
  const persons = wholeNumber(values.persons, '--persons');
  const folder = mkdtempSync(join(tmpdir(), 'hub-bench-import-'));
  try {
    await withThrowawayDatabase('bench_import', async (url) => {
      console.log(`seeding ${persons.toLocaleString('en')} persons…`);
      await seedDatabase(url, { persons, seed: 1 });
      const token = await benchProvider(url, dataset);
      const path = join(folder, 'delivery.csv');
      await writeDeliveryFile(url, path, rows, format);
      console.log(`uploading ${rows.toLocaleString('en')} rows (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB)…`);
      const http = await createHttpApp({ databaseUrl: url });
      const base = await http.listen(0);
      try {
        const started = performance.now();
        const response = await fetch(`${base}/datasets/${dataset}/snapshots?asOf=2026-11-30`, {
          method: 'PUT',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
          body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
          duplex: 'half',
        } as RequestInit);
        const answer = (await response.json()) as { snapshot?: { status: string; acceptedCount: number } };
        const seconds = (performance.now() - started) / 1000;
        if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(answer)}`);
        const phases = Object.fromEntries(
          (response.headers.get('server-timing') ?? '')
            .split(',')
            .map((entry) => entry.trim().split(';dur='))
            .map(([name, ms]) => [name, Number(ms) / 1000]),
        ) as Record<string, number>;
        const phase = (name: string) => {
          const phaseSeconds = phases[name] ?? 0;
          const rate = phaseSeconds > 0 ? Math.round(rows / phaseSeconds).toLocaleString('en') : '–';
          return `${phaseSeconds.toFixed(1).padStart(6)} s ${`(${rate} rows/s)`.padEnd(20)}`;
        };
        console.log(`
dataset       ${dataset}
snapshot      ${answer.snapshot?.status}, ${answer.snapshot?.acceptedCount.toLocaleString('en')} rows accepted
seconds       ${seconds.toFixed(1)} end to end over HTTP
  COPY to staging ${phase('stage')} upload, hashing and PostgreSQL's CSV parser
  validate        ${phase('validate')} set-based checks, duplicates
  switch          ${phase('publish')} in one transaction:
    fill          ${phase('fill')} accepted rows into the snapshot's bare partition
    index         ${phase('index')} ANALYZE, primary key and indexes, one sort each
    check         ${phase('check')} the foreign key to persons, one join
    attach        ${phase('attach')} ATTACH PARTITION (scans the DEFAULT partition)
load          ${loadavg()
          .map((load) => load.toFixed(1))
          .join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores: other work slows every phase alike
rows/s        ${Math.round(rows / seconds).toLocaleString('en')}
goal          1,000,000 rows in < ${GOAL_SECONDS} s: ${
          rows === 1_000_000
            ? `${seconds < GOAL_SECONDS ? 'met' : 'MISSED'} (${(seconds / GOAL_SECONDS).toFixed(2)} of the budget)`
            : `scaled, ${((seconds * 1_000_000) / rows / GOAL_SECONDS).toFixed(2)} of the budget if linear`
        }`);
      } finally {
        await http.close();
      }
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
