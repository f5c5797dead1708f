import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_AS_OF, DEFAULT_PERSONS, DEFAULT_SEED, seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { applyMigrations } from '../../database/migrate.ts';
import type { CommandContext } from '../command-context.ts';

const USAGE = `usage: ./hub seed [--persons N] [--seed S] [--as-of YYYY-MM-DD] [--manifest path]

Loads synthetic households and department records of the Yinchuan demo region into the empty database at
the hub's database (DATABASE_URL, or the data folder's embedded one; migrating it first), and writes the manifest of planted cases when --manifest is given.
Defaults: --persons ${DEFAULT_PERSONS} --seed ${DEFAULT_SEED} --as-of ${DEFAULT_AS_OF}`;

function wholeNumber(text: string, option: string): number {
  const value = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(value)) throw new Error(`${option} takes a whole number, got "${text}"`);
  return value;
}

/** `hub seed`: migrations, then the synthetic population, with progress and a per-table summary. */
export async function seedCommand(args: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      persons: { type: 'string', default: String(DEFAULT_PERSONS) },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'as-of': { type: 'string', default: DEFAULT_AS_OF },
      manifest: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const persons = wholeNumber(values.persons, '--persons');
  const seed = wholeNumber(values.seed, '--seed');
  const databaseUrl = await context.databaseUrl();
  const { applied } = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);

  console.log(`seeding ${persons.toLocaleString('en')} persons (seed ${seed}, as of ${values['as-of']})…`);
  const started = performance.now();
  let lastReport = 0;
  const manifestPath = values.manifest ? resolve(values.manifest) : undefined;
  const manifest = await seedDatabase(databaseUrl, {
    persons,
    seed,
    asOf: values['as-of'],
    ...(manifestPath ? { manifestPath } : {}),
    onProgress: ({ table, rows }) => {
      if (table !== 'persons' || performance.now() - lastReport < 2_000) return;
      lastReport = performance.now();
      console.log(`  ${rows.toLocaleString('en')} persons loaded (${((lastReport - started) / 1000).toFixed(0)} s)`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(manifest.counts).reduce((sum, rows) => sum + rows, 0);
  for (const [table, rows] of Object.entries(manifest.counts)) {
    console.log(`  ${table.padEnd(30)} ${rows.toLocaleString('en').padStart(12)}`);
  }
  console.log(
    `seeded ${manifest.persons.toLocaleString('en')} persons in ${manifest.households.toLocaleString('en')} households: ` +
      `${total.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} rows/s)`,
  );
  console.log(`planted ${manifest.plantedCases.length} cases and ${manifest.controls.length} controls`);
  if (manifestPath) console.log(`manifest written to ${manifestPath}`);
}
