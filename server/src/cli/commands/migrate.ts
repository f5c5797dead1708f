import pg from 'pg';
import { ensureComingAuditPartitions } from '../../audit/audit-partitions.ts';
import { applyMigrations } from '../../database/migrate.ts';
import type { CommandContext } from '../command-context.ts';

export async function migrateCommand(context: CommandContext): Promise<void> {
  const ownerUrl = await context.databaseOwnerUrl();
  const { applied } = await applyMigrations(ownerUrl);
  // The audit trail's partitions for this month and the next three, as at every start.
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await ensureComingAuditPartitions(owner);
  } finally {
    await owner.end();
  }
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
}
