import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const repositoryRoot = join(import.meta.dirname, '../..');

// Each hub command is a new node process that loads the CLI through tsx: on a machine busy with a second copy of
// the suite (load 15 and more on 2 cores) one alone has taken 20–50 s, well inside a test's 300 s
// (vitest.config.ts).

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `hub <args>` as its own process, exactly as `pnpm hub` does, and waits for it to say it is ready. */
export async function startHubProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'server/src/cli/main.ts'), ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /hub ready: (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`hub exited with ${code} before it was ready:\n${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** Runs `hub <args>` as its own process against `databaseUrl` (and `env`) to its end: its exit code and all it printed. */
export function runHubCommand(
  args: string[],
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'server/src/cli/main.ts'), ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child);
}

export interface Finished {
  code: number | null;
  output: string;
}

/** A child process run to its end: its exit code and everything it printed on stdout and stderr. */
export function finished(child: ChildProcess): Promise<Finished> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': the output is whole only once the pipes have closed, and a failure must show all of it.
  return new Promise((resolve) =>
    child.once('close', (code, signal) =>
      resolve({ code, output: signal ? `${output}\n[ended by ${signal}]` : output }),
    ),
  );
}
