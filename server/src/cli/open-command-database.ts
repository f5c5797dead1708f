import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRunningEmbeddedDatabase } from '../database/find-running-embedded-database.ts';
import {
  HUB_DATABASE,
  OWNER_ROLE,
  passwordIn,
  provisionDatabase,
  RUNTIME_ROLE,
} from '../database/provision-database.ts';
import { embeddedDatabaseDirectory, resolveDataDirectory } from './data-directory.ts';

export interface CommandDatabase {
  /** The runtime role's URL, as the hub itself connects. */
  url: string;
  /** The owner's, for migrations: DATABASE_OWNER_URL (else DATABASE_URL), or the embedded database's hub_owner. */
  ownerUrl: string;
  /** Stops the embedded server when this command started it; leaves any other alone. */
  close(): Promise<void>;
}

/**
 * The PostgreSQL a command works on: DATABASE_URL when set; otherwise the embedded one of the data folder, the
 * running hub's when one runs, else started for the command (migrated) and stopped after it.
 */
export async function openCommandDatabase(dataDirectoryOption: string | undefined): Promise<CommandDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, ownerUrl: process.env.DATABASE_OWNER_URL ?? url, close: async () => {} };
  const dataDirectory = resolveDataDirectory(dataDirectoryOption);
  const directory = embeddedDatabaseDirectory(dataDirectory);
  if (!existsSync(join(directory, 'pgdata', 'PG_VERSION'))) {
    throw new Error(
      `no hub database in ${dataDirectory} yet: run the start command first (./hub start), ` +
        'or set DATABASE_URL to the PostgreSQL to use',
    );
  }
  const running = findRunningEmbeddedDatabase(directory);
  if (running) {
    const role = (user: string, file: string) => ({ user, password: passwordIn(directory, file) });
    return {
      url: running.urlFor(HUB_DATABASE, role(RUNTIME_ROLE, 'runtime-password')),
      ownerUrl: running.urlFor(HUB_DATABASE, role(OWNER_ROLE, 'owner-password')),
      close: async () => {},
    };
  }
  const database = await provisionDatabase({ dataDirectory: directory });
  return { url: database.url, ownerUrl: database.ownerUrl, close: () => database.stop() };
}
