import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Dataset } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { DELIVERY_FORMATS, type DeliveryFormat } from '@hub/schema/delivery-formats';
import { createHttpApp } from '../http/create-http-app.ts';
import { benchProvider, loadBenchmarkWorld, wholeNumber, writeDeliveryFile } from './benchmark-delivery.ts';
import { type BenchmarkWorld, benchmarkRows } from './benchmark-delivery-rows.ts';
import { findPostmasterPid, postgresCpuSeconds } from './postgres-cpu-time.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

const GOAL_SECONDS = 10;
const MIB = 2 ** 20;

interface DatasetImport {
  dataset: Dataset;
  rows: number;
  accepted: number;
  mib: number;
  seconds: number;
  /** Seconds of each phase, from the answer's Server-Timing header. */
  phases: Record<string, number>;
  peakRssMib: number;
  load: number;
  /** CPU seconds of PostgreSQL (null off Linux) and of this process, which serves the upload. */
  postgresCpu: number | null;
  nodeCpu: number;
}

/** The largest resident set of this process (the hub serving the upload) while `work` runs, sampled every 20 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMib: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  sampler.unref();
  try {
    const result = await work();
    return { result, peakRssMib: Math.max(peak, process.memoryUsage.rss()) / MIB };
  } finally {
    clearInterval(sampler);
  }
}

/** Writes `rows` valid rows of the dataset and uploads them over HTTP as its provider's API client. */
async function importDataset(
  url: string,
  base: string,
  format: DeliveryFormat,
  world: BenchmarkWorld,
  rows: number,
  folder: string,
  postmasterPid: number | null,
): Promise<DatasetImport> {
  const token = await benchProvider(url, format.dataset);
  const path = join(folder, `${format.dataset}.csv`);
  await writeDeliveryFile(path, rows, benchmarkRows(format, world));
  const mib = statSync(path).size / MIB;
  try {
    const started = performance.now();
    const postgresCpuBefore = postgresCpuSeconds(postmasterPid);
    const nodeCpuBefore = process.cpuUsage();
    const { result: response, peakRssMib } = await withPeakRss(async () => {
      const answer = await fetch(`${base}/datasets/${format.dataset}/snapshots?asOf=2026-11-30`, {
        method: 'PUT',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit);
      return { answer, body: (await answer.json()) as { snapshot?: { status: string; acceptedCount: number } } };
    });
    const seconds = (performance.now() - started) / 1000;
    const nodeCpuUsed = process.cpuUsage(nodeCpuBefore);
    const postgresCpuAfter = postgresCpuSeconds(postmasterPid);
    const postgresCpu =
      postgresCpuBefore === null || postgresCpuAfter === null ? null : postgresCpuAfter - postgresCpuBefore;
    if (response.answer.status !== 201 || response.body.snapshot?.status !== 'CURRENT') {
      throw new Error(`${format.dataset} answered ${response.answer.status}: ${JSON.stringify(response.body)}`);
    }
    const phases = Object.fromEntries(
      (response.answer.headers.get('server-timing') ?? '')
        .split(',')
        .map((entry) => entry.trim().split(';dur='))
        .map(([name, ms]) => [name, Number(ms) / 1000]),
    ) as Record<string, number>;
    const accepted = response.body.snapshot.acceptedCount;
    const load = loadavg()[0] ?? 0;
    const nodeCpu = (nodeCpuUsed.user + nodeCpuUsed.system) / 1e6;
    return { dataset: format.dataset, rows, accepted, mib, seconds, phases, peakRssMib, load, postgresCpu, nodeCpu };
  } finally {
    rmSync(path, { force: true });
  }
}

const HEADINGS = [
  'dataset',
  'rows',
  'MiB',
  'seconds',
  'rows/s',
  'stage',
  'validate',
  'switch',
  'fill',
  'pg CPU',
  'node CPU',
  'peak RSS',
  'load',
];

function resultRow(result: DatasetImport): string[] {
  const phase = (name: string) => (result.phases[name] ?? 0).toFixed(1);
  return [
    result.dataset,
    result.accepted.toLocaleString('en'),
    result.mib.toFixed(0),
    result.seconds.toFixed(1),
    Math.round(result.rows / result.seconds).toLocaleString('en'),
    phase('stage'),
    phase('validate'),
    phase('publish'),
    phase('fill'),
    result.postgresCpu === null ? '–' : result.postgresCpu.toFixed(1),
    result.nodeCpu.toFixed(1),
    `${result.peakRssMib.toFixed(0)} MiB`,
    result.load.toFixed(1),
  ];
}

const printRow = (cells: string[]) =>
  console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(22) : cell.padStart(i === 11 ? 9 : 8))).join(' '));

function verdict(results: DatasetImport[], failed: string[]): string {
  if (!results.length) return `goal          not measured: every dataset failed (${failed.join(', ')})`;
  const scaled = (result: DatasetImport) => (result.seconds * 1_000_000) / result.rows;
  const slowest = results.reduce((worst, result) => (scaled(result) > scaled(worst) ? result : worst));
  const over = [
    ...results.filter((result) => scaled(result) >= GOAL_SECONDS).map((result) => result.dataset),
    ...failed,
  ];
  const linear = slowest.rows === 1_000_000 ? '' : ' (scaled to 1,000,000 rows, if linear)';
  return `goal          1,000,000 rows in < ${GOAL_SECONDS} s for every dataset: ${over.length ? `MISSED by ${over.join(', ')}` : 'met'}; slowest ${slowest.dataset}, ${(scaled(slowest) / GOAL_SECONDS).toFixed(2)} of the budget${linear}`;
}

/**
 * `pnpm bench import [--dataset NAME|all] [--rows 1000000]`: seeds `--persons` persons (as many as the rows unless
 * told, since a row is about its own person and some datasets key a record by the person alone) into a fresh
 * embedded PostgreSQL, then for each bulk dataset writes `--rows` valid rows generated from its delivery format and
 * uploads them over HTTP as its provider's API client; prints rows, seconds, rows/s, the phases, this process's peak
 * RSS and the load, against the goal of a million rows in under 10 s each.
 */
export async function importBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '1000000' },
      persons: { type: 'string' },
      dataset: { type: 'string', default: 'all' },
    },
  });
  const wanted = values.dataset.toUpperCase().split(',');
  const formats = wanted.includes('ALL')
    ? DELIVERY_FORMATS
    : DELIVERY_FORMATS.filter((format) => wanted.includes(format.dataset));
  if (formats.length < wanted.length && !wanted.includes('ALL')) {
    throw new Error(`--dataset takes all or some of ${DELIVERY_FORMATS.map((format) => format.dataset).join(', ')}`);
  }
  const rows = wholeNumber(values.rows, '--rows');
  const persons = wholeNumber(values.persons ?? values.rows, '--persons');
  if (persons < rows) {
    // Row i is about the i-th person: past the persons, a dataset keyed by the person alone (HUKOU, CREMATION, the
    // staff roster and filings) would repeat keys and be refused for its duplicates, not measured.
    throw new Error(`--persons (${persons}) must be at least --rows (${rows}): a row is about its own person`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'hub-bench-import-'));
  try {
    await withThrowawayDatabase('bench_import', async (url) => {
      console.log(`seeding ${persons.toLocaleString('en')} persons…`);
      await seedDatabase(url, { persons, seed: 1 });
      const world = await loadBenchmarkWorld(url);
      const postmasterPid = await findPostmasterPid(url);
      const http = await createHttpApp({ databaseUrl: url });
      const base = await http.listen(0);
      const results: DatasetImport[] = [];
      const failed: string[] = [];
      try {
        console.log(
          `${rows.toLocaleString('en')} rows per dataset, uploaded over HTTP; seconds end to end and per phase\n`,
        );
        printRow(HEADINGS);
        for (const format of formats) {
          // One dataset refused (an overloaded machine may withhold an answer the audit could not record) does not
          // cost the figures of the others.
          try {
            const result = await importDataset(url, base, format, world, rows, folder, postmasterPid);
            results.push(result);
            printRow(resultRow(result));
          } catch (error) {
            failed.push(format.dataset);
            console.log(
              `${format.dataset.padEnd(22)} failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
      } finally {
        await http.close();
      }
      console.log(`
phases        stage: upload, hashing and COPY to staging; validate: the set-based row checks and duplicates;
              switch: one transaction, of which fill is writing the accepted rows into the snapshot's partition
CPU           seconds of CPU used by PostgreSQL (every process of the server) and by this process, which serves the
              upload: they grow far less with the machine's load than the seconds do
load          1-minute load average after each dataset, on ${availableParallelism()} cores: other work slows every phase alike
${verdict(results, failed)}`);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
