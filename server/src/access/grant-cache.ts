import type { PrismaClient, Purpose } from '@hub/prisma';
import { listenForChanges } from '../database/change-listener.ts';
import { type AgreementGrants, loadAgreementGrants } from './agreement-grants.ts';

/** Agreement changes are announced on this channel (pg_notify in the changing transaction, delivered on commit). */
export const AGREEMENTS_CHANNEL = 'hub_agreements_changed';

// A safety net only: a missed notification can leave an entry stale for at most this long.
const MAX_AGE_MS = 60_000;

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
  const invalidate = () => {
    generation += 1;
    entries.clear();
  };
  const listener = listenForChanges(databaseUrl, AGREEMENTS_CHANNEL, invalidate);

  return {
    async grantsFor(query) {
      await listener.ready;
      const key = `${query.departmentId}:${query.purpose}:${query.day.toISOString()}`;
      const cached = entries.get(key);
      if (cached && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached.grants;
      const started = generation;
      const grants = loadAgreementGrants(prisma, query);
      // An entry loaded across a change may predate it: keep it only if no change arrived meanwhile.
      if (listener.listening()) {
        entries.set(key, { grants, loadedAt: Date.now() });
        grants.then(
          () => started === generation || entries.delete(key),
          () => entries.delete(key),
        );
      }
      return grants;
    },
    invalidate,
    close: () => listener.close(),
  };
}
