import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded PostgreSQL already serving `directory` (a running hub's, or another command's), from the lock file
 * PostgreSQL itself keeps in its data folder: the postmaster's pid on the first line, its port on the fourth.
 * A file left by a crash names a dead process and is ignored (PostgreSQL replaces it when it next starts).
 */
export function findRunningEmbeddedDatabase(
  directory: string,
): { port: number; urlFor(database: string, role?: { user: string; password: string }): string } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(directory, 'pgdata', 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return undefined;
  const password = readFileSync(join(directory, 'superuser-password'), 'utf8').trim();
  return {
    port,
    urlFor: (database, role = { user: 'postgres', password }) =>
      `postgresql://${encodeURIComponent(role.user)}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${database}`,
  };
}

/** Whether a process is alive; one of another user (the embedded PostgreSQL runs as `postgres` under root) counts. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
