/** The PostgreSQL a command works on; commands other than `start` never guess one. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('set DATABASE_URL to the PostgreSQL to use (postgresql://user:password@host:5432/database)');
  }
  return url;
}
