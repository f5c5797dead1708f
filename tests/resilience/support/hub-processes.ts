import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@hub/server/database/embedded-database';
import { afterAll } from 'vitest';

// The hub as its users run it: `node --import tsx server/src/cli/main.ts <command>` in a child process of its own,
// against a PostgreSQL the test controls. Every process a file starts is killed after the file's tests.

const repositoryRoot = join(import.meta.dirname, '../../..');
const cli = join(repositoryRoot, 'server/src/cli/main.ts');
const READY_TIMEOUT_MS = 90_000;
const running = new Set<ChildProcess>();

afterAll(async () => {
  await Promise.all([...running].map((child) => stopChild(child, 'SIGKILL')));
});

export interface HubCommand {
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** What it printed so far, stdout and stderr interleaved. */
  output(): string;
}

function spawnHub(args: string[], env: Record<string, string>): HubCommand {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: repositoryRoot,
    // HUB_RATE_LIMIT_MAX=0: the load and crash tests send far more than one caller's allowance on purpose.
    env: { ...process.env, NODE_ENV: 'production', HUB_RATE_LIMIT_MAX: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, output: () => printed };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export interface HubServer extends HubCommand {
  url: string;
  port: number;
  /** SIGTERM: drains and exits. */
  stop(): Promise<void>;
  /** SIGKILL: gone at once, mid-request or not. */
  kill(): Promise<void>;
}

/** `hub start --port <free port>` on DATABASE_URL; resolves once it prints that it is ready. */
export async function startHubServer(
  databaseUrl: string,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<HubServer> {
  const port = options.port ?? (await findFreePort());
  const dataDirectory = mkdtempSync(join(tmpdir(), 'hub-resilience-'));
  const command = spawnHub(['start', '--port', String(port), '--data-dir', dataDirectory], {
    DATABASE_URL: databaseUrl,
    ...options.env,
  });
  const started = Date.now();
  while (!command.output().includes('hub ready:')) {
    if (command.child.exitCode !== null || Date.now() - started > READY_TIMEOUT_MS) {
      command.child.kill('SIGKILL');
      throw new Error(`hub start did not become ready:\n${command.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    ...command,
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(command.child, 'SIGTERM'),
    kill: () => stopChild(command.child, 'SIGKILL'),
  };
}

/** `hub work-comparisons` on DATABASE_URL (add `--until-idle` to have it exit once no run has work left). */
export function startWorker(databaseUrl: string, args: string[] = []): HubCommand & { kill(): Promise<void> } {
  const command = spawnHub(['work-comparisons', ...args], { DATABASE_URL: databaseUrl });
  return { ...command, kill: () => stopChild(command.child, 'SIGKILL') };
}

/** Runs a command that ends by itself (e.g. `audit verify`) and resolves with its exit code and output. */
export async function runHubCommand(
  databaseUrl: string,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const command = spawnHub(args, { DATABASE_URL: databaseUrl });
  const code = await command.exited;
  return { code, output: command.output() };
}
