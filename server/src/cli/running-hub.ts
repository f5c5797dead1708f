import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from '../database/find-running-embedded-database.ts';

export interface RunningHub {
  pid: number;
  /** Where its API and portal answer. */
  url: string;
  startedAt: string;
}

const RECORD = 'hub.json';

/** Written when `hub start` listens, removed when it stops; a crash leaves it behind, so readers check the process. */
export function recordRunningHub(dataDirectory: string, url: string): () => void {
  const path = join(dataDirectory, RECORD);
  const record: RunningHub = { pid: process.pid, url, startedAt: new Date().toISOString() };
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  return () => rmSync(path, { force: true });
}

/** The hub running on this data folder, if any; a record left by a crashed one is removed. */
export function findRunningHub(dataDirectory: string): RunningHub | undefined {
  const path = join(dataDirectory, RECORD);
  let record: RunningHub;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as RunningHub;
  } catch {
    return undefined;
  }
  if (Number.isInteger(record.pid) && record.pid !== process.pid && isProcessAlive(record.pid)) return record;
  rmSync(path, { force: true });
  return undefined;
}
