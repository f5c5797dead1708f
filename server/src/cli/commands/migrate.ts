import { applyMigrations } from '../../database/migrate.ts';
import { requireDatabaseUrl } from '../database-url.ts';

export async function migrateCommand(): Promise<void> {
  const { applied } = await applyMigrations(requireDatabaseUrl());
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
}
