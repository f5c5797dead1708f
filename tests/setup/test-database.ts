import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

export interface TestDatabase {
  name: string;
  url: string;
}

function urlFor(database: string): string {
  const url = new URL(inject('databaseAdminUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject('databaseAdminUrl') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A database of this test file's own, cloned from the migrated template, dropped after the file's tests.
 * Pass `{ empty: true }` for one with no migrations applied.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    const template = options.empty ? 'template0' : inject('templateDatabase');
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  afterAll(async () => {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return { name, url: urlFor(name) };
}
