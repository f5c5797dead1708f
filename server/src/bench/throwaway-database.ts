import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../database/embedded-database.ts';
import { applyMigrations } from '../database/migrate.ts';

/**
 * A benchmark's own migrated database in a fresh embedded PostgreSQL in a temporary folder, removed with everything
 * in it once the work is done, however it ends.
 */
export async function withThrowawayDatabase<T>(name: string, work: (url: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), `hub-${name}-`));
  const server = await startEmbeddedDatabase({ directory });
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = server.urlFor(name);
    await applyMigrations(url);
    return await work(url);
  } finally {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}
