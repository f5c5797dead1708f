import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One wrk run's figures; latencies in milliseconds, as wrk measured them. */
export interface WrkRun {
  /** 200 answers without GraphQL errors. */
  answered: number;
  /** Any other answer but an explicit refusal. */
  failed: number;
  /** 429 and 503 answers: the hub said it is busy. */
  refused: number;
  /** Of those, the 429s (rate limited); the rest are 503 (overloaded). */
  limited: number;
  /** Connections wrk could not open, read or write, and requests it gave up waiting for. */
  socketErrors: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  /** x-request-id of every answered request, to check the audit trail against. */
  answeredRequestIds: string[];
}

const SCRIPT = join(import.meta.dirname, 'api-benchmark-wrk.lua');

/**
 * HOUSING's partner query sent by wrk (an independent load generator in a process of its own, in C) from `clients`
 * keep-alive connections for `seconds`, against the hub at `url`.
 */
export async function wrkLoad(options: {
  url: string;
  token: string;
  query: string;
  idNumbers: readonly string[];
  clients: number;
  seconds: number;
  threads?: number;
}): Promise<WrkRun> {
  const directory = mkdtempSync(join(tmpdir(), 'hub-bench-wrk-'));
  try {
    const idNumbersFile = join(directory, 'id-numbers');
    const answeredFile = join(directory, 'answered');
    writeFileSync(idNumbersFile, `${options.idNumbers.join('\n')}\n`);
    const args = [
      `-t${options.threads ?? 1}`,
      `-c${options.clients}`,
      `-d${options.seconds}s`,
      '--timeout',
      '10s',
      '-s',
      SCRIPT,
      `${options.url}/graphql`,
    ];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, {
        env: {
          ...process.env,
          BENCH_TOKEN: options.token,
          BENCH_QUERY_JSON: JSON.stringify(options.query),
          BENCH_ID_NUMBERS_FILE: idNumbersFile,
          BENCH_ANSWERED_FILE: answeredFile,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`wrk exited with ${code}`))));
    });
    const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
    if (!line) throw new Error(`wrk printed no figures:\n${stdout}`);
    const figures = JSON.parse(line) as {
      answered: number;
      failed: number;
      refused: number;
      limited: number;
      socketErrors: number;
      microseconds: number;
      p50: number;
      p99: number;
      max: number;
    };
    return {
      answered: figures.answered,
      failed: figures.failed,
      refused: figures.refused,
      limited: figures.limited,
      socketErrors: figures.socketErrors,
      seconds: figures.microseconds / 1e6,
      p50: figures.p50 / 1000,
      p99: figures.p99 / 1000,
      max: figures.max / 1000,
      answeredRequestIds: readFileSync(answeredFile, 'utf8').split('\n').filter(Boolean),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
