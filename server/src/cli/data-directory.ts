import { join, resolve } from 'node:path';

export const repositoryRoot = resolve(import.meta.dirname, '../../..');

/** The hub's data folder: --data-dir, else HUB_DATA_DIR (both from the working directory), else the repository's .hub-data. */
export function resolveDataDirectory(option: string | undefined): string {
  const chosen = option ?? process.env.HUB_DATA_DIR;
  return chosen ? resolve(chosen) : join(repositoryRoot, '.hub-data');
}

/** Where the embedded PostgreSQL keeps its files inside the data folder. */
export function embeddedDatabaseDirectory(dataDirectory: string): string {
  return join(dataDirectory, 'postgres');
}

/** Splits `--data-dir DIR` (or `--data-dir=DIR`) off a command's arguments: every command takes it. */
export function takeDataDirectoryOption(args: string[]): { dataDirectory: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDirectory: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--data-dir') {
      dataDirectory = args[++i];
      if (dataDirectory === undefined) throw new Error('--data-dir takes a folder');
    } else if (arg.startsWith('--data-dir=')) dataDirectory = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { dataDirectory, rest };
}
