import type { AuditChainProblem, AuditChainStatus } from '@hub/schema/context';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import { auditEntryHash, chainTime, type StoredAuditEntry } from './canonical-audit-entry.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type BrokenChain = Extract<AuditChainStatus, { intact: false }>;

/** Where a walk begins: the chain's genesis, or the entry after an archived head. */
export interface ChainStart {
  sequence: bigint;
  /** The hash the first entry must link to: 64 zeros at genesis, else the archived head's hash. */
  previousHash: string;
}

export const GENESIS: ChainStart = { sequence: 1n, previousHash: GENESIS_HASH };

export interface AuditChainWalk {
  /** Checks the next entry in sequence order; the first problem found, or undefined when the entry is good. */
  check(row: StoredAuditEntry): BrokenChain | undefined;
  /** After the last entry: the range a checkpoint says exists beyond it, if any. */
  missingTail(): BrokenChain | undefined;
  /** The entries checked good so far. */
  readonly entries: number;
  /** The sequence the next entry must have. */
  readonly nextSequence: bigint;
  /** The hash of the last good entry (the start's previousHash before any). */
  readonly lastHash: string;
}

/**
 * The checks every entry of the chain must pass, online (`verifyAuditChain`) and in an archive file
 * (`verifyAuditArchive`): no sequence number missing or out of place, the hash recomputed in Node, the link to the
 * entry before, time never going back nor past `now`, and, for the checkpoints (already checked as signed) at or after
 * the start, that the chain still holds each signed head and every entry after one is dated after it.
 */
export function walkAuditChain(options: {
  start: ChainStart;
  checkpoints: readonly AuditCheckpoint[];
  /** The database's (or, offline, this machine's) time as chainTime gives it. */
  now: string;
}): AuditChainWalk {
  const signed = [...options.checkpoints].sort((a, b) => Number(BigInt(a.sequence) - BigInt(b.sequence)));
  const { start, now } = options;
  let expectedSequence = start.sequence;
  let previousHash = start.previousHash;
  let previousTime = '';
  let entries = 0;
  // Checkpoints before the start cover archived entries: the last of them still bounds the first entry's time.
  let next = signed.findIndex((checkpoint) => BigInt(checkpoint.sequence) >= start.sequence);
  if (next < 0) next = signed.length;
  let lastGood: AuditCheckpoint | undefined = signed[next - 1];

  return {
    get entries() {
      return entries;
    },
    get nextSequence() {
      return expectedSequence;
    },
    get lastHash() {
      return previousHash;
    },
    check(row) {
      const sequence = BigInt(row.sequence);
      const time = chainTime(row.occurred_at);
      const broken = (problem: AuditChainProblem, detail: string, firstBroken = sequence): BrokenChain => ({
        intact: false,
        entries,
        firstBrokenSequence: firstBroken,
        firstBrokenId: firstBroken === sequence ? row.id : null,
        problem,
        detail,
      });
      if (sequence < expectedSequence) {
        return broken(
          'CONTENT_ALTERED',
          `entry ${sequence} is out of place: the chain starts at sequence ${start.sequence}`,
        );
      }
      if (sequence > expectedSequence) {
        return broken(
          'ENTRY_MISSING',
          `entry ${sequence} follows a gap: sequence ${range(expectedSequence, sequence - 1n)} is missing`,
        );
      }
      if (auditEntryHash(row) !== row.entry_hash) {
        return broken('CONTENT_ALTERED', `entry ${sequence} was altered: its content no longer matches its hash`);
      }
      if (row.previous_hash !== previousHash) {
        return broken(
          'LINK_BROKEN',
          entries === 0 && start.sequence > 1n
            ? `entry ${sequence} does not link to the archived entry ${start.sequence - 1n} before it`
            : `entry ${sequence} does not link to the entry before it`,
        );
      }
      if (time < previousTime) {
        return broken(
          'TIME_REVERSED',
          `entry ${sequence} is dated ${time}, before the entry before it (${previousTime})`,
        );
      }
      if (time > now) {
        return broken('FUTURE_DATED', `entry ${sequence} is dated ${time}, after the database's time ${now}`);
      }
      if (lastGood && BigInt(lastGood.sequence) + 1n === sequence && time < lastGood.databaseTime) {
        return broken(
          'TIME_REVERSED',
          `entry ${sequence} is dated ${time}, before the checkpoint signed at ${lastGood.databaseTime} over entry ${lastGood.sequence}`,
        );
      }
      for (let checkpoint = signed[next]; checkpoint && BigInt(checkpoint.sequence) === sequence; ) {
        if (checkpoint.hash !== row.entry_hash) {
          const from =
            lastGood && BigInt(lastGood.sequence) >= start.sequence ? BigInt(lastGood.sequence) + 1n : start.sequence;
          return broken(
            'CHECKPOINT_MISMATCH',
            `entries ${range(from, sequence)} differ from what was signed: entry ${sequence} is not the one the ` +
              `checkpoint of ${checkpoint.databaseTime} signed${lastGood ? `, while entry ${lastGood.sequence} still is` : ''}`,
            from,
          );
        }
        lastGood = checkpoint;
        next += 1;
        checkpoint = signed[next];
      }
      previousHash = row.entry_hash;
      previousTime = time;
      expectedSequence = sequence + 1n;
      entries += 1;
      return undefined;
    },
    missingTail() {
      const furthest = signed.at(-1);
      if (!furthest || BigInt(furthest.sequence) < expectedSequence) return undefined;
      return {
        intact: false,
        entries,
        firstBrokenSequence: expectedSequence,
        firstBrokenId: null,
        problem: 'ENTRY_MISSING',
        detail:
          `entries ${range(expectedSequence, BigInt(furthest.sequence))} are missing: the checkpoint of ` +
          `${furthest.databaseTime} says the chain reached entry ${furthest.sequence}, it ends at ${expectedSequence - 1n}`,
      };
    },
  };
}

export const range = (from: bigint, to: bigint) => (from === to ? `${from}` : `${from}–${to}`);
