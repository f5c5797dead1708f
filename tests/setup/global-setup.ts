import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@hub/server/database/embedded-database';
import { applyMigrations } from '@hub/server/database/migrate';
import { buildPortalIfStale } from '@hub/server/http/build-portal-if-stale';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection to the test server's maintenance database. */
    databaseAdminUrl: string;
    /** A migrated database that each test file clones (CREATE DATABASE ... TEMPLATE). */
    templateDatabase: string;
  }
}

/** One PostgreSQL for the whole run: DATABASE_URL's server when set, else an embedded one in a temporary folder. */
export default async function setup(project: TestProject) {
  // The hub serves the portal's build: the HTTP and browser suites need it current.
  buildPortalIfStale();
  let embedded: EmbeddedDatabase | undefined;
  let directory: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    directory = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
    embedded = await startEmbeddedDatabase({ directory });
    adminUrl = embedded.adminUrl;
  }
  const templateDatabase = `hub_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await applyMigrations(templateUrl.toString());

  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  };
}
