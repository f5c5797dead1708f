import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { findDeliveryFormat } from '@hub/schema/delivery-formats';
import { commandPool } from '../cli/command-pool.ts';
import { purgeExpiredSnapshots } from '../delivery/purge-expired-snapshots.ts';
import { readSnapshotRetention } from '../delivery/snapshot-retention.ts';
import { createHttpApp } from '../http/create-http-app.ts';
import { benchProvider, loadBenchmarkWorld, wholeNumber, writeDeliveryFile } from './benchmark-delivery.ts';
import { benchmarkRows } from './benchmark-delivery-rows.ts';
import { withThrowawayDatabase } from './throwaway-database.ts';

const MIB = 2 ** 20;

/** The last day-28 of the n-th month from January 2025: each delivery is a month after the one before. */
function monthlyAsOf(n: number): string {
  return `${2025 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-28`;
}

/**
 * Seeds `persons`, then delivers `deliveries` monthly BANK_DEPOSIT snapshots of `rows` rows each over HTTP; with
 * `keep` set, applies the retention after every delivery (as the hourly sweeper would). The database's size in MiB
 * after each delivery.
 */
async function deliverMonthly(
  options: { persons: number; rows: number; deliveries: number; keep: number | null },
  folder: string,
): Promise<number[]> {
  const deposits = findDeliveryFormat('BANK_DEPOSIT');
  if (!deposits) throw new Error('no delivery format for BANK_DEPOSIT');
  return withThrowawayDatabase(options.keep === null ? 'bench_growth_all' : 'bench_growth_kept', async (url) => {
    await seedDatabase(url, { persons: options.persons, seed: 1 });
    const token = await benchProvider(url, 'BANK_DEPOSIT');
    const format = benchmarkRows(deposits, await loadBenchmarkWorld(url));
    const pool = commandPool(url, 2);
    const http = await createHttpApp({ databaseUrl: url });
    const base = await http.listen(0);
    const retention =
      options.keep === null ? null : readSnapshotRetention({ HUB_KEEP_PREVIOUS_SNAPSHOTS: String(options.keep) });
    const sizes: number[] = [];
    try {
      for (let month = 0; month < options.deliveries; month++) {
        const path = join(folder, 'delivery.csv');
        // Every month the same accounts with other balances, as a bank's monthly extract.
        await writeDeliveryFile(path, options.rows, format, month * 7);
        const response = await fetch(`${base}/datasets/BANK_DEPOSIT/snapshots?asOf=${monthlyAsOf(month)}`, {
          method: 'PUT',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
          body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
          duplex: 'half',
        } as RequestInit);
        if (response.status !== 201) throw new Error(`delivery ${month + 1} answered ${response.status}`);
        await response.arrayBuffer();
        if (retention) await purgeExpiredSnapshots(pool, retention);
        const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
        sizes.push(Number(rows[0]?.bytes) / MIB);
        process.stdout.write(`  ${options.keep === null ? 'without' : 'with'} retention: delivery ${month + 1}\r`);
      }
    } finally {
      await http.close();
      await pool.end();
    }
    return sizes;
  });
}

/**
 * `pnpm bench retention`: the disk used by `--deliveries` monthly BANK_DEPOSIT deliveries of `--rows` rows each, with
 * the retention (the current snapshot and `--keep` previous ones) and without, in two fresh embedded databases; the
 * database size after each delivery, and what one delivery adds.
 */
export async function retentionBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '200000' },
      persons: { type: 'string', default: '80000' },
      deliveries: { type: 'string', default: '12' },
      keep: { type: 'string', default: '2' },
    },
  });
  const options = {
    rows: wholeNumber(values.rows, '--rows'),
    persons: wholeNumber(values.persons, '--persons'),
    deliveries: wholeNumber(values.deliveries, '--deliveries'),
  };
  const keep = wholeNumber(values.keep, '--keep');
  const folder = mkdtempSync(join(tmpdir(), 'hub-bench-retention-'));
  try {
    const started = performance.now();
    console.log(
      `${options.deliveries} monthly BANK_DEPOSIT deliveries of ${options.rows.toLocaleString('en')} rows ` +
        `(${options.persons.toLocaleString('en')} persons), without retention and keeping the current + ${keep}…`,
    );
    const without = await deliverMonthly({ ...options, keep: null }, folder);
    const withRetention = await deliverMonthly({ ...options, keep }, folder);
    const perDelivery = ((without.at(-1) ?? 0) - (without[0] ?? 0)) / Math.max(1, options.deliveries - 1);
    console.log('\ndelivery   without retention   with retention (MiB, pg_database_size)');
    for (let i = 0; i < options.deliveries; i++) {
      console.log(
        `${String(i + 1).padStart(8)}   ${without[i]?.toFixed(0).padStart(17)}   ${withRetention[i]?.toFixed(0).padStart(14)}`,
      );
    }
    console.log(`
each delivery adds ${perDelivery.toFixed(1)} MiB without retention (${((perDelivery * MIB) / options.rows).toFixed(0)} bytes a row with its indexes)
after ${options.deliveries}: ${without.at(-1)?.toFixed(0)} MiB without, ${withRetention.at(-1)?.toFixed(0)} MiB with retention
took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
