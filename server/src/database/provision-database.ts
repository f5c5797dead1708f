import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ensureComingAuditPartitions } from '../audit/audit-partitions.ts';
import { ensureLoginRole, grantRuntimeRole, handDatabaseToOwner } from './database-roles.ts';
import { startEmbeddedDatabase } from './embedded-database.ts';
import { applyMigrations } from './migrate.ts';

export interface ProvisionedDatabase {
  /** What the hub connects as: the runtime role where there is one. */
  url: string;
  /** What migrations run as: the owner role. */
  ownerUrl: string;
  embedded: boolean;
  applied: string[];
  /** Said once at start when the hub runs with more rights than it needs. */
  warning?: string;
  stop(): Promise<void>;
}

export const HUB_DATABASE = 'hub';
export const OWNER_ROLE = 'hub_owner';
export const RUNTIME_ROLE = 'hub_app';

/** A role's password, made once and kept beside the data (0600), never in the repository. */
export function passwordIn(directory: string, file: string): string {
  const path = join(directory, file);
  if (!existsSync(path)) writeFileSync(path, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** Migrations as the owner, then the runtime role's grants, as that owner. */
async function migrateAndGrant(ownerUrl: string, runtimeUrl: string): Promise<string[]> {
  const { applied } = await applyMigrations(ownerUrl);
  // The trail's partitions for this month and the next three, before an entry needs one (the hub renews them daily).
  await withClient(ownerUrl, ensureComingAuditPartitions);
  if (roleOf(ownerUrl) !== roleOf(runtimeUrl)) {
    await withClient(ownerUrl, (owner) => grantRuntimeRole(owner, roleOf(runtimeUrl)));
  }
  return applied;
}

/**
 * DATABASE_URL's PostgreSQL when given (migrated as DATABASE_OWNER_URL's role when that is given too); otherwise the
 * embedded server in `dataDirectory`, with a `hub` database owned by `hub_owner` and the hub connecting as `hub_app`.
 * Either way, pending migrations are applied before anything else touches it.
 */
export async function provisionDatabase(options: {
  databaseUrl?: string;
  databaseOwnerUrl?: string;
  dataDirectory: string;
}): Promise<ProvisionedDatabase> {
  if (options.databaseUrl) {
    const ownerUrl = options.databaseOwnerUrl ?? options.databaseUrl;
    const applied = await migrateAndGrant(ownerUrl, options.databaseUrl);
    const warning =
      roleOf(ownerUrl) === roleOf(options.databaseUrl)
        ? 'DATABASE_URL owns the audit trail, so the hub could disable its triggers; set DATABASE_OWNER_URL to the ' +
          'owner role and DATABASE_URL to a role with only the grants in docs/audit-evidence.md'
        : undefined;
    return { url: options.databaseUrl, ownerUrl, embedded: false, applied, warning, stop: async () => {} };
  }
  const server = await startEmbeddedDatabase({ directory: options.dataDirectory });
  try {
    const ownerPassword = passwordIn(options.dataDirectory, 'owner-password');
    const runtimePassword = passwordIn(options.dataDirectory, 'runtime-password');
    await withClient(server.adminUrl, async (admin) => {
      await ensureLoginRole(admin, OWNER_ROLE, ownerPassword);
      await ensureLoginRole(admin, RUNTIME_ROLE, runtimePassword);
      await admin.query(`GRANT ${RUNTIME_ROLE} TO ${OWNER_ROLE}`);
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [HUB_DATABASE]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${HUB_DATABASE} OWNER ${OWNER_ROLE}`);
      else await admin.query(`ALTER DATABASE ${HUB_DATABASE} OWNER TO ${OWNER_ROLE}`);
    });
    // A database from before the roles: its objects are the superuser's until handed over.
    await withClient(server.urlFor(HUB_DATABASE), (admin) => handDatabaseToOwner(admin, OWNER_ROLE));
    const ownerUrl = server.urlFor(HUB_DATABASE, { user: OWNER_ROLE, password: ownerPassword });
    const url = server.urlFor(HUB_DATABASE, { user: RUNTIME_ROLE, password: runtimePassword });
    const applied = await migrateAndGrant(ownerUrl, url);
    return { url, ownerUrl, embedded: true, applied, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
