import { listenForChanges } from '../database/change-listener.ts';

/** Changes to what an access token stands for are announced here (migration 20261209000000_token_holder_changes). */
export const TOKEN_HOLDERS_CHANNEL = 'hub_token_holders_changed';

// A safety net only: a missed notification can leave an entry stale for at most this long.
const MAX_AGE_MS = 60_000;
// Live tokens are few (one or two per partner client); past this many the cache starts afresh.
const MAX_ENTRIES = 10_000;

/** The API client an access token speaks for, as read from access_tokens joined to api_clients. */
export interface TokenHolder {
  token_id: string;
  api_client_id: string;
  client_id: string;
  department_id: string;
  expires_at: Date;
  /** Moved on in place when this instance records the client's use (so that it writes once a minute, not per request). */
  last_used_at: Date | null;
}

export interface TokenHolderCache {
  /**
   * The holder of the token with this hash, from memory when this instance has already looked it up and nothing it
   * stands for has changed since; otherwise from `load`, whose answer is kept only if no change arrived meanwhile.
   * An unknown, revoked or expired token is never kept, and a kept token is given up once it expires.
   */
  holderOf(tokenHash: string, now: Date, load: () => Promise<TokenHolder | null>): Promise<TokenHolder | null>;
  /** Drops every entry now: for a change this instance just committed (others learn of it by the notification). */
  invalidate(): void;
  close(): Promise<void>;
}

/**
 * Token holders shared by the requests of one server instance. Every instance LISTENs for token and client changes
 * and drops its entries at once; while it is not listening, it keeps nothing. Keyed by the token's hash, never the
 * token itself.
 */
export function createTokenHolderCache(databaseUrl: string): TokenHolderCache {
  const entries = new Map<string, { holder: TokenHolder; loadedAt: number }>();
  let generation = 0;
  const invalidate = () => {
    generation += 1;
    entries.clear();
  };
  const listener = listenForChanges(databaseUrl, TOKEN_HOLDERS_CHANNEL, invalidate);

  return {
    async holderOf(tokenHash, now, load) {
      await listener.ready;
      const cached = entries.get(tokenHash);
      if (cached && Date.now() - cached.loadedAt < MAX_AGE_MS && cached.holder.expires_at > now) return cached.holder;
      if (cached) entries.delete(tokenHash);
      const started = generation;
      const holder = await load();
      if (holder && listener.listening() && started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(tokenHash, { holder, loadedAt: Date.now() });
      }
      return holder;
    },
    invalidate,
    close: () => listener.close(),
  };
}
