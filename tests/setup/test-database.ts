import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

export interface TestDatabase {
  name: string;
  /** As the superuser: fixtures, and the attacker in the tamper suites. */
  url: string;
  /** As the role the hub runs as (startTestApp uses it). */
  runtimeUrl: string;
}

function urlFor(database: string, role?: { user: string; password: string }): string {
  const url = new URL(inject('databaseAdminUrl'));
  url.pathname = `/${database}`;
  if (role) {
    url.username = role.user;
    url.password = role.password;
  }
  return url.toString();
}

/** The same database as the hub's runtime role; a URL of no test database is returned as it is. */
export function asRuntimeRole(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const admin = new URL(inject('databaseAdminUrl'));
  if (url.host !== admin.host || url.username !== admin.username) return databaseUrl;
  return urlFor(url.pathname.slice(1), inject('runtimeRole'));
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
  return { name, url: urlFor(name), runtimeUrl: urlFor(name, inject('runtimeRole')) };
}
