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
 * Waits (up to 2 s: a few files keep a connection to the end, e.g. a hub's live feed) for the file's closed pools to
 * finish leaving the database. A pool's `end()` resolves before its connections have gone, and a connection still
 * leaving when the drop forces it out is told `57P01`, which its pool, already closed, reports as an unhandled error
 * of the file (seen once beside a second copy of the suite).
 */
async function untilDisconnected(admin: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
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
    await withAdmin(async (admin) => {
      await untilDisconnected(admin, name);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });
  return { name, url: urlFor(name), runtimeUrl: urlFor(name, inject('runtimeRole')) };
}
