// A developer's aid, never a runtime dependency: prints the SQL that takes the migrations folder's
// end state (or an empty database) to schema.prisma, using Prisma's WebAssembly schema engine, which
// needs no native engine (it does open a connection, but changes nothing). Save the output as prisma/migrations/<stamp>_<name>/migration.sql.
//   DATABASE_URL=<any reachable PostgreSQL; the engine connects but changes nothing> \
//   pnpm --filter @hub/prisma exec tsx scripts/diff-migration.ts [--from-empty]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// The package's entry imports its .wasm as an ES module (a bundler's feature Node lacks): wire it by hand.
const packageDir = dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm'));
const bindings = await import(pathToFileURL(join(packageDir, 'schema_engine_bg.js')).href);
const wasmPath = join(packageDir, 'schema_engine_bg.wasm');
// Node has WebAssembly; the Node 20 typings without the DOM library do not describe it.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bindings });
bindings.__wbg_set_wasm(instance.exports);
(instance.exports.__wbindgen_start as () => void)();
const SchemaEngine: typeof import('@prisma/schema-engine-wasm').SchemaEngine = bindings.SchemaEngine;

const root = join(import.meta.dirname, '..');
const migrationsDir = join(root, 'migrations');
const fromEmpty = process.argv.includes('--from-empty');

const migrationDirectories = fromEmpty
  ? []
  : readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map((name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      }));

// The engine wants a migration-aware adapter even for an offline diff; it never connects for one.
const adapter = bindMigrationAwareSqlAdapterFactory(
  new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost:1/unused' }),
);
const schema = { path: 'schema.prisma', content: readFileSync(join(root, 'schema.prisma'), 'utf8') };
const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, adapter);
const result = await engine.diff({
  from: fromEmpty
    ? { tag: 'empty' }
    : {
        tag: 'migrations',
        baseDir: migrationsDir,
        migrationDirectories,
        lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
        shadowDbInitScript: '',
      },
  to: { tag: 'schemaDatamodel', files: [schema] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
process.stdout.write(result.stdout ?? '');
