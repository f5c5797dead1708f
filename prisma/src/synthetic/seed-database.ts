import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { signApplicantConsents } from './applicant-consents.ts';
import { dayOf, isoDate, lastOfMonth, yearOf } from './calendar.ts';
import { CopyLoader, type TableLoad } from './copy-loader.ts';
import { DEMO_REGIONS } from './demo-region.ts';
import { STANDARD_YEARS } from './demo-standards.ts';
import { generateWithWorker } from './generate-in-worker.ts';
import { suspendIndexes } from './index-suspension.ts';
import type { SeedManifest } from './manifest.ts';
import { type GenerationInput, generateInThread, type RowBatch } from './population-stream.ts';
import { SeededRandom } from './random.ts';
import { completeSnapshots, insertReferenceData } from './reference-data.ts';
import { GENERATED_TABLES } from './table-columns.ts';

export interface SeedOptions {
  seed?: number;
  persons?: number;
  /** The comparison date the planted cases are built for, YYYY-MM-DD (default 2026-10-31). */
  asOf?: string;
  /** Share of households on 低保 besides the planted ones (default 0.06). */
  guaranteeShare?: number;
  manifestPath?: string;
  onProgress?: (progress: { table: string; rows: number }) => void;
  /** Generate in this thread rather than a worker (the rows are the same either way). */
  inThread?: boolean;
  /** Filled with each table's rows and COPY time, for benchmarks. */
  timings?: Map<string, TableLoad>;
}

export const DEFAULT_SEED = 20_261_031;
export const DEFAULT_PERSONS = 5_000;
export const DEFAULT_AS_OF = '2026-10-31';

// Any fixed number: two seeds started at once on one database queue here, and the second then finds persons.
const SEED_LOCK_KEY = 7_316_410_201;

export class DatabaseNotEmptyError extends Error {
  readonly code = 'DATABASE_NOT_EMPTY';
  constructor() {
    super('the database already holds persons; synthetic data is only loaded into an empty hub (nothing was changed)');
    this.name = 'DatabaseNotEmptyError';
  }
}

/**
 * Loads a synthetic population of the demo region into a migrated, empty database in one transaction, and returns
 * (and optionally writes) the manifest of the cases it planted. The same options always give the same rows.
 */
export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<SeedManifest> {
  const seed = options.seed ?? DEFAULT_SEED;
  const persons = options.persons ?? DEFAULT_PERSONS;
  if (!Number.isInteger(persons) || persons < 1)
    throw new RangeError(`persons must be a whole number ≥ 1, got ${persons}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const asOfDay = dayOf(options.asOf ?? DEFAULT_AS_OF);
  if (!(STANDARD_YEARS as readonly number[]).includes(yearOf(asOfDay))) {
    throw new RangeError(
      `the as-of date must fall in ${STANDARD_YEARS.join(' or ')}, the years the demo standards cover`,
    );
  }
  // Department data runs to the end of the month after a fortnight past asOf: late events are in it.
  const dataAsOfDay = lastOfMonth(asOfDay + 15);
  const createdAtText = `${isoDate(dataAsOfDay)} 00:00:00+00`;
  const random = new SeededRandom(seed);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // One transaction: a failed seed leaves nothing behind, and the commit's WAL flush happens once.
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const { rows } = await client.query('SELECT 1 FROM persons LIMIT 1');
    if (rows.length > 0) throw new DatabaseNotEmptyError();

    const reference = await insertReferenceData(client, random, {
      asOfYear: yearOf(asOfDay),
      dataAsOfDay,
      createdAtText,
    });
    const indexes = await suspendIndexes(client, GENERATED_TABLES);
    await client.query(
      `SELECT set_config('maintenance_work_mem', '256MB', true)
        WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes('256MB')`,
    );
    const loader = new CopyLoader(client, options.onProgress);
    const input: GenerationInput = {
      randomState: random.state(),
      persons,
      guaranteeShare: options.guaranteeShare ?? 0.06,
      asOfDay,
      dataAsOfDay,
      createdAtText,
      sources: reference.sources,
      standards: [...reference.standards],
    };
    const load = (batch: RowBatch) => loader.load(batch);
    let phaseStarted = performance.now();
    const phase = (name: string) => {
      options.timings?.set(`phase ${name}`, { rows: 0, milliseconds: performance.now() - phaseStarted });
      phaseStarted = performance.now();
    };
    const outcome = await (options.inThread ? generateInThread(input, load) : generateWithWorker(input, load));
    phase('generate and copy');
    await indexes.restore((name, milliseconds) => options.timings?.set(`rebuild ${name}`, { rows: 0, milliseconds }));
    phase('rebuild indexes and keys');
    for (const provenance of reference.provenances) provenance.rows = outcome.snapshotRows[provenance.snapshotId] ?? 0;
    await completeSnapshots(client, reference.provenances);
    const consents = await signApplicantConsents(client);
    phase('sign applicant consents');
    await client.query('COMMIT');
    // Fresh statistics, so that the first comparisons over a million persons get sensible plans: the generated tables,
    // the consents signed after them and the snapshots they complete. Without the consents' (about 100,000 rows for a
    // million persons, never analysed until autovacuum came by), the first chunks of a whole-population run took
    // 70–105 s each instead of 2 (docs/benchmarks.md).
    phaseStarted = performance.now();
    await client.query(`ANALYZE ${[...GENERATED_TABLES, 'consents', 'dataset_snapshots'].join(', ')}`);
    phase('analyze');

    for (const [table, load] of loader.loads) options.timings?.set(table, load);
    const manifest: SeedManifest = {
      seed,
      persons: outcome.persons,
      households: outcome.households,
      asOf: isoDate(asOfDay),
      incomeMonth: isoDate(asOfDay).slice(0, 7),
      dataAsOf: isoDate(dataAsOfDay),
      regions: DEMO_REGIONS.map((region) => ({ ...region })),
      standards: [...reference.standards].map(([key, standard]) => ({
        regionCode: key.slice(0, 6),
        areaType: key.slice(7) as 'URBAN' | 'RURAL',
        year: yearOf(asOfDay),
        minimumLivingMonthlyFen: standard.minimumLivingMonthlyFen,
        financialAssetMonths: standard.financialAssetMonths,
        exemptVehicleMaxValueFen: standard.exemptVehicleMaxValueFen,
      })),
      plantedCases: outcome.plantedCases,
      controls: outcome.controls,
      counts: {
        dataset_snapshots: reference.provenances.length,
        ...loader.counts(),
        consents,
      },
    };
    if (options.manifestPath) writeFileSync(options.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
