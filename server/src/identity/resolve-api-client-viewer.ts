import { type PrismaClient, sqlPoolOf } from '@hub/prisma';
import type { ApiClientViewer } from '@hub/schema/context';
import { sessionTokenHash } from './create-session.ts';
import type { TokenHolder, TokenHolderCache } from './token-holder-cache.ts';

// last_used_at is for an administrator's "is this client still in use?": a minute's precision spares a write per request.
const LAST_USED_PRECISION_MS = 60_000;

// Every partner request starts here, so it is one joined statement rather than Prisma's findUnique with an include
// (two round trips, two compiled queries), and a prepared `pg` statement rather than Prisma's $queryRaw, which cost
// about 0.8 ms of CPU per call against 0.1 ms (pnpm bench api's profile, docs/benchmarks.md).
const FIND_TOKEN_HOLDER = `
  SELECT t.id AS token_id, c.id AS api_client_id, c.client_id, c.department_id, t.expires_at, c.last_used_at
  FROM access_tokens t JOIN api_clients c ON c.id = t.api_client_id
  WHERE t.token_hash = $1 AND t.expires_at > $2 AND t.revoked_at IS NULL AND c.revoked_at IS NULL`;

/**
 * The API client an access token speaks for: null when the token is unknown, expired or revoked, or the client is.
 * With a cache (the HTTP app's), a token this instance has looked up before costs no statement.
 */
export async function resolveApiClientViewer(
  prisma: PrismaClient,
  accessToken: string,
  now: Date,
  cache?: TokenHolderCache,
): Promise<ApiClientViewer | null> {
  const tokenHash = sessionTokenHash(accessToken);
  const load = async () => {
    const { rows } = await sqlPoolOf(prisma).query<TokenHolder>({
      name: 'find-access-token-holder',
      text: FIND_TOKEN_HOLDER,
      values: [tokenHash, now],
    });
    return rows[0] ?? null;
  };
  const holder = cache ? await cache.holderOf(tokenHash, now, load) : await load();
  if (!holder) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!holder.last_used_at || holder.last_used_at < staleBefore) {
    // Conditional, so instances racing on the same client write once between them.
    await prisma.apiClient.updateMany({
      where: { id: holder.api_client_id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
    // Whether this instance's write or another's won, the client was used within the minute: a cached holder need
    // not try again until the next one.
    holder.last_used_at = now;
  }
  return {
    kind: 'API_CLIENT',
    apiClientId: holder.api_client_id,
    clientId: holder.client_id,
    departmentId: holder.department_id,
    tokenId: holder.token_id,
  };
}
