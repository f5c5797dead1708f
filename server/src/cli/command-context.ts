/** What main.ts hands every command besides its arguments. */
export interface CommandContext {
  /** --data-dir as given, if it was. */
  dataDirectory: string | undefined;
  /** The database to work on, opened on first call (see open-command-database.ts) and closed after the command. */
  databaseUrl(): Promise<string>;
  /** The same database as its owner role, for migrations. */
  databaseOwnerUrl(): Promise<string>;
}
