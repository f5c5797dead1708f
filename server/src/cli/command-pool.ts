import pg from 'pg';

/**
 * A connection pool for a command: a `hub` command, or a `pnpm bench` that stops its throwaway database. pg's
 * Pool.end() resolves once its clients are let go, before their connections have closed; a command that started the
 * embedded database stops it right after, and PostgreSQL ends a connection still closing with an error ("terminating
 * connection due to administrator command") that nobody listens for any more. Every client of this pool listens, so
 * that a command that has done its work never crashes on the way out.
 */
export function commandPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
