import type pg from 'pg';
import { type BrokenChain, type ChainStart, GENESIS_HASH, range } from './audit-chain-walk.ts';

/**
 * Where the online chain starts after `hub audit archive`: the entry after the last archived one, linking to its
 * hash, as the AUDIT_MONTH_ARCHIVED events in the chain record them (undefined when nothing was archived). The
 * archives must cover the chain from entry 1 without a gap: each archive's first entry links to the last of the one
 * before. The events are entries of the chain, so the walk that follows checks their own hashes too.
 */
export async function archivedHead(client: pg.ClientBase): Promise<ChainStart | BrokenChain | undefined> {
  const { rows } = await client.query<{
    month: string;
    entries: number;
    firstSequence: string | null;
    firstPreviousHash: string | null;
    lastSequence: string | null;
    lastHash: string | null;
  }>(
    `SELECT change->>'month' AS month, (change->>'entries')::int AS entries, change->>'firstSequence' AS "firstSequence",
            change->>'firstPreviousHash' AS "firstPreviousHash", change->>'lastSequence' AS "lastSequence",
            change->>'lastHash' AS "lastHash"
       FROM audit_entries WHERE event = 'AUDIT_MONTH_ARCHIVED' ORDER BY sequence`,
  );
  let head: ChainStart | undefined;
  for (const archive of rows.filter((row) => row.entries > 0)) {
    const first = BigInt(archive.firstSequence ?? '0');
    const expected = head ?? { sequence: 1n, previousHash: GENESIS_HASH };
    if (first !== expected.sequence || archive.firstPreviousHash !== expected.previousHash) {
      return {
        intact: false,
        entries: 0,
        firstBrokenSequence: expected.sequence,
        firstBrokenId: null,
        problem: 'ENTRY_MISSING',
        detail:
          first > expected.sequence
            ? `entries ${range(expected.sequence, first - 1n)} are in no archive: the archive of ${archive.month} starts at ${first}`
            : `the archive of ${archive.month} does not continue the archive before it (it starts at entry ${first})`,
      };
    }
    head = { sequence: BigInt(archive.lastSequence ?? '0') + 1n, previousHash: archive.lastHash ?? '' };
  }
  return head;
}
