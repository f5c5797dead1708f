import { estimatedCompletionAt, householdsPerSecond } from '@hub/schema/comparisons/comparison-pace';
import pg from 'pg';
import { PROGRESS_CHANNEL } from './progress-channel.ts';
import { type ComparisonProgress, readComparisonProgress } from './run-comparison.ts';

export interface ProgressEvent {
  status: string;
  householdsDone: number;
  householdsTotal: number;
  householdsPerSecond: number | null;
  estimatedCompletionAt: string | null;
}

export interface ComparisonProgressFeed {
  /** Calls `onProgress` at once and then whenever the run's progress changes; the returned function stops it. */
  watch(runId: string, onProgress: (event: ProgressEvent) => void): () => void;
  /** Watchers still registered: every stream that went away must have unregistered. */
  watchers(): number;
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;

export function progressEvent(run: ComparisonProgress, now: Date = new Date()): ProgressEvent {
  return {
    status: run.status,
    householdsDone: run.householdsDone,
    householdsTotal: run.householdCount,
    householdsPerSecond: householdsPerSecond(run, now),
    estimatedCompletionAt: estimatedCompletionAt(run, now)?.toISOString() ?? null,
  };
}

/**
 * One LISTEN connection per hub process, shared by every watcher of every run: a notification re-reads that run
 * once and tells its watchers. After the connection drops it reconnects and re-reads every watched run, so an
 * announcement missed meanwhile is not lost.
 */
export function createComparisonProgressFeed(databaseUrl: string): ComparisonProgressFeed {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => {});
  const watching = new Map<string, Set<(event: ProgressEvent) => void>>();
  const reading = new Map<string, Promise<void>>();
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let reconnect: NodeJS.Timeout | null = null;
  let closed = false;

  const tell = (runId: string) => {
    const previous = reading.get(runId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const watchers = watching.get(runId);
      if (!watchers?.size) return;
      const run = await readComparisonProgress(pool, runId).catch(() => null);
      if (run) for (const watcher of [...watchers]) watcher(progressEvent(run));
    });
    reading.set(runId, next);
    void next.finally(() => {
      if (reading.get(runId) === next) reading.delete(runId);
    });
  };

  const listen = (): Promise<void> => {
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      const lost = () => {
        if (listener !== client) return;
        listener = null;
        connecting = null;
        client.end().catch(() => {});
        if (!closed && watching.size) reconnect ??= setTimeout(retry, RECONNECT_MS);
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (message) => {
        if (message.payload && watching.has(message.payload)) tell(message.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
      } catch {
        client.removeAllListeners();
        client.end().catch(() => {});
        connecting = null;
        if (!closed) reconnect ??= setTimeout(retry, RECONNECT_MS);
        return;
      }
      if (closed) {
        await client.end().catch(() => {});
        return;
      }
      listener = client;
      for (const runId of watching.keys()) tell(runId);
    })();
    return connecting;
  };
  const retry = () => {
    reconnect = null;
    if (!closed && watching.size) void listen();
  };

  return {
    watch(runId, onProgress) {
      let watchers = watching.get(runId);
      if (!watchers) {
        watchers = new Set();
        watching.set(runId, watchers);
      }
      watchers.add(onProgress);
      // Registered before the first read, so a chunk committed between the two is still told.
      void listen().then(() => tell(runId));
      return () => {
        const set = watching.get(runId);
        set?.delete(onProgress);
        if (set && set.size === 0) watching.delete(runId);
      };
    },
    watchers: () => [...watching.values()].reduce((sum, set) => sum + set.size, 0),
    close: async () => {
      closed = true;
      if (reconnect) clearTimeout(reconnect);
      watching.clear();
      await connecting;
      await Promise.allSettled([listener?.end(), pool.end()]);
      listener = null;
    },
  };
}
