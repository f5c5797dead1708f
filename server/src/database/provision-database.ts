import pg from 'pg';
import { startEmbeddedDatabase } from './embedded-database.ts';
import { applyMigrations } from './migrate.ts';

export interface ProvisionedDatabase {
  url: string;
  embedded: boolean;
  applied: string[];
  stop(): Promise<void>;
}

export const HUB_DATABASE = 'hub';

/**
 * DATABASE_URL's PostgreSQL when given; otherwise the embedded server in `dataDirectory`, with a `hub` database
 * created on first use. Either way, pending migrations are applied before anything else touches it.
 */
export async function provisionDatabase(options: {
  databaseUrl?: string;
  dataDirectory: string;
}): Promise<ProvisionedDatabase> {
  if (options.databaseUrl) {
    const { applied } = await applyMigrations(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, applied, stop: async () => {} };
  }
  const server = await startEmbeddedDatabase({ directory: options.dataDirectory });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [HUB_DATABASE]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${HUB_DATABASE}`);
    } finally {
      await admin.end();
    }
    const url = server.urlFor(HUB_DATABASE);
    const { applied } = await applyMigrations(url);
    return { url, embedded: true, applied, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
