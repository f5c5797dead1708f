import { applyMigrations, MigrationError, readMigrations } from '@hub/server/database/migrate';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../setup/test-database.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const migration = (name: string, sql: string) => ({ name, sql, checksum: name.padEnd(64, '0').slice(0, 64) });

describe('the migration runner', () => {
  it('applies every migration of prisma/migrations to an empty database and records each in the ledger', async () => {
    const db = await createTestDatabase({ empty: true });
    const { applied } = await applyMigrations(db.url);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    const ledger = await query<{ migration_name: string; checksum: string }>(
      db.url,
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(ledger).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    const [persons] = await query<{ count: string }>(db.url, 'SELECT count(*) FROM persons');
    expect(persons?.count).toBe('0');
  });

  it('does nothing when run again', async () => {
    const db = await createTestDatabase();
    expect((await applyMigrations(db.url)).applied).toEqual([]);
  });

  it('rolls a failing migration back whole, keeps the ones before it, and stops', async () => {
    const db = await createTestDatabase({ empty: true });
    const migrations = [
      migration('001_good', 'CREATE TABLE good (id int)'),
      migration('002_bad', 'CREATE TABLE half_done (id int); SELECT no_such_function()'),
      migration('003_never', 'CREATE TABLE never (id int)'),
    ];
    await expect(applyMigrations(db.url, migrations)).rejects.toThrowError(
      expect.objectContaining({ name: 'MigrationError', migrationName: '002_bad' }),
    );
    const tables = await query<{ tablename: string }>(
      db.url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toEqual(['_prisma_migrations', 'good']);
    const ledger = await query<{ migration_name: string }>(db.url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(ledger.map((l) => l.migration_name)).toEqual(['001_good']);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const db = await createTestDatabase({ empty: true });
    await applyMigrations(db.url, [migration('001_first', 'CREATE TABLE first (id int)')]);
    const edited = { ...migration('001_first', 'CREATE TABLE first (id bigint)'), checksum: 'f'.repeat(64) };
    const attempt = applyMigrations(db.url, [edited]);
    await expect(attempt).rejects.toThrowError(MigrationError);
    await expect(attempt).rejects.toThrowError(/changed after it was applied/);
  });

  it('lets two processes migrate at once without applying anything twice', async () => {
    const db = await createTestDatabase({ empty: true });
    const results = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    const all = results.flatMap((r) => r.applied).sort();
    expect(all).toEqual(readMigrations().map((m) => m.name));
  });
});
