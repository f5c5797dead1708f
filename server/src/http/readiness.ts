import pg from 'pg';

export const READINESS_TIMEOUT_MS = 1000;

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Ready means the database answers `SELECT 1` within a second, on a connection of its own beside the app's pool. */
export function createReadinessProbe(databaseUrl: string) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: READINESS_TIMEOUT_MS,
    query_timeout: READINESS_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // A connection the server closed while idle is replaced on the next check; the check reports the outage.
  pool.on('error', () => {});

  async function check(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
    });
    try {
      await Promise.race([pool.query('SELECT 1'), timeout]);
      return { ready: true };
    } catch (error) {
      return { ready: false, reason: `database did not answer SELECT 1: ${(error as Error).message}` };
    } finally {
      clearTimeout(timer);
    }
  }

  return { check, close: () => pool.end() };
}
