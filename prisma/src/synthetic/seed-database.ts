import { writeFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pg from 'pg';
import { dayOf, isoDate, lastOfMonth, yearOf } from './calendar.ts';
import { CitizenIdAllocator } from './citizen-id-allocator.ts';
import { CopyLoader, type TableLoad } from './copy-loader.ts';
import { DEMO_REGIONS } from './demo-region.ts';
import { STANDARD_YEARS } from './demo-standards.ts';
import { DepartmentRecords } from './department-records.ts';
import type { GenerationContext } from './generation-context.ts';
import { suspendIndexes } from './index-suspension.ts';
import type { SeedManifest } from './manifest.ts';
import { drawEmployers } from './organisations.ts';
import { Population } from './population.ts';
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
  /** Filled with each table's rows and COPY time, for benchmarks. */
  timings?: Map<string, TableLoad>;
}

export const DEFAULT_SEED = 20_261_031;
export const DEFAULT_PERSONS = 5_000;
export const DEFAULT_AS_OF = '2026-10-31';

// Any fixed number: two seeds started at once on one database queue here, and the second then finds persons.
const SEED_LOCK_KEY = 7_316_410_201;
// Households per COPY round trip: large enough that statement overhead vanishes, small enough to stay in memory.
const BATCH_HOUSEHOLDS = 6_000;
const SLICE_HOUSEHOLDS = 200;

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
    const { employers, civilAffairs } = drawEmployers(random);
    const context: GenerationContext = {
      random,
      ids: new CitizenIdAllocator(),
      records: new DepartmentRecords(random, isoDate(dataAsOfDay)),
      sources: reference.sources,
      standards: reference.standards,
      employers,
      civilAffairsEmployers: civilAffairs,
      asOfDay,
      dataAsOfDay,
      createdAtText,
      serial: 0,
      plantedCases: [],
      controls: [],
    };
    const indexes = await suspendIndexes(client, GENERATED_TABLES);
    await client.query(
      `SELECT set_config('maintenance_work_mem', '256MB', true)
        WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes('256MB')`,
    );
    const loader = new CopyLoader(client, options.onProgress);
    const population = new Population(context, {
      persons,
      guaranteeShare: options.guaranteeShare ?? 0.06,
      sliceHouseholds: SLICE_HOUSEHOLDS,
    });
    let loading: Promise<void> = Promise.resolve();
    let totals = { persons: 0, households: 0 };
    for (totals of population.generate()) {
      if (population.rows.households >= BATCH_HOUSEHOLDS || totals.persons >= persons) {
        await loading;
        loading = loader.load(population.takeRows());
        // Awaited on the next round; until then a failure must not count as unhandled.
        loading.catch(() => {});
      }
      // Give the socket a turn, so COPY data flows to the server while the next slice is generated.
      await nextTurn();
    }
    await loading;
    await indexes.restore((name, milliseconds) => options.timings?.set(`rebuild ${name}`, { rows: 0, milliseconds }));
    await completeSnapshots(client, reference.provenances);
    await client.query('COMMIT');
    // Fresh statistics, so that the first comparisons over a million persons get sensible plans.
    await client.query(`ANALYZE ${GENERATED_TABLES.join(', ')}`);

    for (const [table, load] of loader.loads) options.timings?.set(table, load);
    const manifest: SeedManifest = {
      seed,
      persons: totals.persons,
      households: totals.households,
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
      plantedCases: context.plantedCases,
      controls: context.controls,
      counts: {
        dataset_snapshots: reference.provenances.length,
        ...loader.counts(),
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
