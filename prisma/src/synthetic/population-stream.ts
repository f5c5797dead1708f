import { setImmediate as nextTurn } from 'node:timers/promises';
import { CitizenIdAllocator } from './citizen-id-allocator.ts';
import type { StandardInForce } from './demo-standards.ts';
import { DepartmentRecords, type Provenance } from './department-records.ts';
import type { GenerationContext, Sources } from './generation-context.ts';
import type { ControlCase, PlantedCase } from './manifest.ts';
import { drawEmployers } from './organisations.ts';
import { Population } from './population.ts';
import { SeededRandom } from './random.ts';
import type { GeneratedTable } from './table-columns.ts';

// Generation runs in a worker thread when it can, so that one core generates while PostgreSQL ingests on the
// other; where a worker cannot start (a test runner without the TypeScript loader) the same code runs in this
// thread, interleaved with the COPY. Either way the stream of random numbers, and so every row, is the same.

export interface GenerationInput {
  randomState: readonly number[];
  persons: number;
  guaranteeShare: number;
  asOfDay: number;
  dataAsOfDay: number;
  createdAtText: string;
  sources: Sources;
  standards: [string, StandardInForce][];
}

/** A batch of rows for COPY: per table, its row count and its COPY text in UTF-8 pieces. */
export interface RowBatch {
  count(table: GeneratedTable): number;
  buffers(table: GeneratedTable): Buffer[];
}

export interface GenerationOutcome {
  persons: number;
  households: number;
  plantedCases: PlantedCase[];
  controls: ControlCase[];
  /** Rows written per snapshot id. */
  snapshotRows: Record<string, number>;
}

// Households per batch handed to COPY: large enough that statement overhead vanishes, small enough for memory.
const BATCH_HOUSEHOLDS = 6_000;
const SLICE_HOUSEHOLDS = 200;

function createContext(input: GenerationInput): GenerationContext {
  const random = new SeededRandom(0, input.randomState);
  const { employers, civilAffairs } = drawEmployers(random);
  return {
    random,
    ids: new CitizenIdAllocator(),
    records: new DepartmentRecords(random, new Date(input.dataAsOfDay * 86_400_000).toISOString().slice(0, 10)),
    sources: input.sources,
    standards: new Map(input.standards),
    employers,
    civilAffairsEmployers: civilAffairs,
    asOfDay: input.asOfDay,
    dataAsOfDay: input.dataAsOfDay,
    createdAtText: input.createdAtText,
    serial: 0,
    plantedCases: [],
    controls: [],
  };
}

function provenances(sources: Sources): Provenance[] {
  const { banks, ...single } = sources;
  return [...Object.values(single), ...banks.flatMap((bank) => [bank.deposits, bank.wealth])];
}

/**
 * Generates the population batch by batch, handing each to `onBatch` while the next is generated. With
 * `onSlice`, control returns to the event loop after every slice (in-thread generation must let I/O run).
 */
export async function generatePopulation(
  input: GenerationInput,
  onBatch: (batch: RowBatch) => Promise<void>,
  onSlice?: () => Promise<void>,
): Promise<GenerationOutcome> {
  const context = createContext(input);
  const population = new Population(context, {
    persons: input.persons,
    guaranteeShare: input.guaranteeShare,
    sliceHouseholds: SLICE_HOUSEHOLDS,
  });
  let loading: Promise<void> = Promise.resolve();
  let totals = { persons: 0, households: 0 };
  for (totals of population.generate()) {
    if (population.rows.households >= BATCH_HOUSEHOLDS || totals.persons >= input.persons) {
      await loading;
      loading = onBatch(population.takeRows());
      // Awaited on the next round; until then a failure must not count as unhandled.
      loading.catch(() => {});
    }
    await onSlice?.();
  }
  await loading;
  return {
    ...totals,
    plantedCases: context.plantedCases,
    controls: context.controls,
    snapshotRows: Object.fromEntries(provenances(context.sources).map((source) => [source.snapshotId, source.rows])),
  };
}

export async function generateInThread(input: GenerationInput, onBatch: (batch: RowBatch) => Promise<void>) {
  return generatePopulation(input, onBatch, () => nextTurn());
}
