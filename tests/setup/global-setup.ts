import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLoginRole, grantRuntimeRole } from '@hub/server/database/database-roles';
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
    /** The role the hub runs as, with only the grants `hub start` gives it (server/src/database/database-roles.ts). */
    runtimeRole: { user: string; password: string };
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
    embedded = await startEmbeddedDatabase({ directory, durable: false });
    adminUrl = embedded.adminUrl;
  }
  const templateDatabase = `hub_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // As `hub start` does: the migrations' objects belong to an owner role, and the hub runs as a runtime role.
  // Roles are the server's, shared by parallel runs against one DATABASE_URL: each run sets its own passwords.
  const owner = { user: 'hub_test_owner', password: randomBytes(18).toString('hex') };
  const runtimeRole = { user: 'hub_test_runtime', password: randomBytes(18).toString('hex') };
  await ensureLoginRole(admin, owner.user, owner.password);
  await ensureLoginRole(admin, runtimeRole.user, runtimeRole.password);
  await admin.query(`GRANT ${runtimeRole.user} TO ${owner.user}`);
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase} OWNER ${owner.user}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  templateUrl.username = owner.user;
  templateUrl.password = owner.password;
  await applyMigrations(templateUrl.toString());
  const ownerClient = new pg.Client({ connectionString: templateUrl.toString() });
  await ownerClient.connect();
  await grantRuntimeRole(ownerClient, runtimeRole.user).finally(() => ownerClient.end());

  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('runtimeRole', runtimeRole);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  };
}
