import { applyMigrations } from '../../database/migrate.ts';
import type { CommandContext } from '../command-context.ts';

export async function migrateCommand(context: CommandContext): Promise<void> {
  const { applied } = await applyMigrations(await context.databaseOwnerUrl());
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
}
