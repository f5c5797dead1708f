import type { PrismaClient, Purpose } from '@hub/prisma';
import pg from 'pg';
import { type AgreementGrants, loadAgreementGrants } from './agreement-grants.ts';

/** Agreement changes are announced on this channel (pg_notify in the changing transaction, delivered on commit). */
export const AGREEMENTS_CHANNEL = 'hub_agreements_changed';

// A safety net only: a missed notification can leave an entry stale for at most this long.
const MAX_AGE_MS = 60_000;
const RECONNECT_MS = 1_000;

export interface GrantCache {
  grantsFor(query: { departmentId: string; purpose: Purpose; day: Date }): Promise<AgreementGrants>;
  /**
   * Drops every entry now: for a change this instance just committed, whose notification may arrive after the
   * caller's next request (other instances still learn of it by the notification).
   */
  invalidate(): void;
  close(): Promise<void>;
}

/**
 * Effective grants per department, purpose and day, shared by the requests of one server instance. Every instance
 * LISTENs for agreement changes and drops its entries at once; while it is not listening, it caches nothing.
 */
export function createGrantCache(prisma: PrismaClient, databaseUrl: string): GrantCache {
  const entries = new Map<string, { grants: Promise<AgreementGrants>; loadedAt: number }>();
  let generation = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const invalidate = () => {
    generation += 1;
    entries.clear();
  };

  const scheduleReconnect = () => {
    if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS).unref();
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    client = next;
    next.on('notification', invalidate);
    next.on('error', () => {}); // a lost connection also ends it
    try {
      await next.connect();
      await next.query(`LISTEN ${AGREEMENTS_CHANNEL}`);
    } catch {
      await next.end().catch(() => {});
      scheduleReconnect();
      return;
    }
    next.on('end', () => {
      listening = false;
      invalidate();
      scheduleReconnect();
    });
    invalidate(); // anything cached before LISTEN took effect may have missed a change
    listening = true;
  };
  const ready = connect();

  return {
    async grantsFor(query) {
      await ready;
      const key = `${query.departmentId}:${query.purpose}:${query.day.toISOString()}`;
      const cached = entries.get(key);
      if (cached && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached.grants;
      const started = generation;
      const grants = loadAgreementGrants(prisma, query);
      // An entry loaded across a change may predate it: keep it only if no change arrived meanwhile.
      if (listening) {
        entries.set(key, { grants, loadedAt: Date.now() });
        grants.then(
          () => started === generation || entries.delete(key),
          () => entries.delete(key),
        );
      }
      return grants;
    },
    invalidate,
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready;
      client?.removeAllListeners('end');
      await client?.end().catch(() => {});
    },
  };
}
