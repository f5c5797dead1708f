import pg from 'pg';
import type { AuditEntryDraft } from './form-audit-entries.ts';
import { insertAuditEntries } from './insert-audit-entries.ts';

export interface AuditWriter {
  /** Resolves once the entries are committed; rejects when their transaction failed. */
  write(entries: readonly AuditEntryDraft[]): Promise<void>;
  /** Requests whose entries wait for the next transaction (not those in the one in flight). */
  queued(): number;
  /** Waits for the flush in flight, then closes the writer's pool. */
  close(): Promise<void>;
}

interface PendingWrite {
  entries: readonly AuditEntryDraft[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: a commit costs about one WAL flush, so while one transaction is in flight, the entries of the
 * requests that arrive meanwhile wait and go together in the next one. There is no timer: a lone request is
 * written at once, and the busier the hub, the more requests share each commit.
 */
export function createAuditWriter(
  databaseUrl: string,
  options: { maxConnections?: number; onWritten?: (entries: number) => void } = {},
): AuditWriter {
  // Only one flush is in flight at a time; a second connection replaces a broken one without waiting.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 2 });
  // An idle connection that the server drops must not crash the process; the next flush reconnects.
  pool.on('error', () => {});
  let pending: PendingWrite[] = [];
  let flushing: Promise<void> | undefined;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        const entries = group.flatMap((write) => write.entries);
        await insertAuditEntries(pool, entries);
        options.onWritten?.(entries.length);
        for (const write of group) write.resolve();
      } catch (error) {
        for (const write of group) write.reject(error);
      }
    }
    flushing = undefined;
  }

  return {
    write(entries) {
      if (entries.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        pending.push({ entries, resolve, reject });
        flushing ??= flush();
      });
    },
    queued: () => pending.length,
    async close() {
      await flushing;
      await pool.end();
    },
  };
}
