import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ShellSession {
  /** Runs a script in the session, as if pasted into one terminal: variables it sets stay for the next. */
  run(script: string): Promise<{ code: number; output: string }>;
  close(): void;
}

/** One bash for a page of examples, so a token one example saves in a variable serves the next. */
export function openShellSession(options: { cwd: string; env: NodeJS.ProcessEnv }): ShellSession {
  const bash = spawn('bash', ['--noprofile', '--norc'], { cwd: options.cwd, env: options.env, stdio: 'pipe' });
  let pending: ((code: number) => void) | undefined;
  let received = '';
  let ended = false;
  bash.stdout.on('data', (chunk: Buffer) => {
    received += chunk.toString();
    const done = /::example-done:: (\d+)\n/.exec(received);
    if (done && pending) {
      received = '';
      const resolve = pending;
      pending = undefined;
      resolve(Number(done[1]));
    }
  });
  bash.once('exit', () => {
    ended = true;
    pending?.(-1);
  });
  let count = 0;
  return {
    run: (script) => {
      if (ended) return Promise.reject(new Error('the shell session has ended (an example ran exit?)'));
      count += 1;
      const scriptPath = join(options.cwd, `.example-${count}.sh`);
      const outputPath = join(options.cwd, `.example-${count}.out`);
      writeFileSync(scriptPath, script);
      return new Promise((resolve) => {
        pending = (code) => resolve({ code, output: readFileSync(outputPath, 'utf8') });
        // stdin from /dev/null: an example that reads stdin must not swallow the next command.
        bash.stdin.write(`. '${scriptPath}' < /dev/null > '${outputPath}' 2>&1; echo "::example-done:: $?"\n`);
      });
    },
    close: () => {
      bash.stdin.end();
      bash.kill();
    },
  };
}
