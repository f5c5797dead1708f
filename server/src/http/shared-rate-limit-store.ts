import pg from 'pg';

// One statement per metered request, on the caller's one row: a window that ended starts afresh with this request
// (as @fastify/rate-limit's own in-memory store does); the row lock orders concurrent requests of one caller.
// Times are the database's, so instances on machines with different clocks still agree on the window. A prepared
// statement (named below): parsed and planned once per connection, it cost PostgreSQL 38–54 µs a call against
// 104–182 µs sent as text each time (5,000 calls each way, docs/benchmarks.md).
const COUNT_REQUEST = `
  INSERT INTO rate_limit_counts AS c (caller, window_started_at, requests) VALUES ($1, now(), 1)
  ON CONFLICT (caller) DO UPDATE SET
    requests = CASE WHEN c.window_started_at + $2::int * interval '1 ms' <= now() THEN 1 ELSE c.requests + 1 END,
    window_started_at = CASE WHEN c.window_started_at + $2::int * interval '1 ms' <= now()
                             THEN now() ELSE c.window_started_at END
  RETURNING c.requests,
    ceil(extract(epoch FROM c.window_started_at + $2::int * interval '1 ms' - now()) * 1000)::int AS "ttlMs"`;
const SWEEP = `DELETE FROM rate_limit_counts WHERE window_started_at + $1::int * interval '1 ms' <= now()`;
const SWEEP_EVERY_MS = 60_000;

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What @fastify/rate-limit asks of a store (its `FastifyRateLimitStore`), with a close for the app's. */
export interface SharedRateLimitStore {
  incr(key: string, callback: Counted, timeWindow: number, max: number): void;
  child(): SharedRateLimitStore;
  close(): Promise<void>;
}

/**
 * The rate limiter's counts in PostgreSQL (rate_limit_counts, UNLOGGED), not in this instance's memory: N instances
 * of the hub enforce ONE limit per caller. Costs one upsert per metered request on a pool of its own; rows of ended
 * windows are swept every minute.
 */
export function createSharedRateLimitStore(databaseUrl: string, windowMs: number): SharedRateLimitStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => {});
  let sweeping: Promise<unknown> | undefined;
  const sweeper = setInterval(
    () => {
      sweeping ??= pool
        .query(SWEEP, [windowMs])
        .catch(() => {}) // the next sweep tries again; stale rows only wait
        .finally(() => {
          sweeping = undefined;
        });
    },
    Math.max(windowMs, SWEEP_EVERY_MS),
  ).unref();
  const store: SharedRateLimitStore = {
    incr(key, callback, timeWindow) {
      pool
        .query<{ requests: number; ttlMs: number }>({
          name: 'count-rate-limited-request',
          text: COUNT_REQUEST,
          values: [key, timeWindow],
        })
        .then(
          ({ rows }) => callback(null, { current: rows[0]?.requests ?? 1, ttl: Math.max(0, rows[0]?.ttlMs ?? 0) }),
          (error: Error) => callback(error),
        );
    },
    child: () => store,
    async close() {
      clearInterval(sweeper);
      await sweeping;
      await pool.end();
    },
  };
  return store;
}
