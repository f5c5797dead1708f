import type { AuditChainProblem, AuditChainStatus } from '@hub/schema/context';
import type pg from 'pg';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import {
  auditEntryHash,
  chainTime,
  STORED_AUDIT_ENTRY_COLUMNS,
  type StoredAuditEntry,
} from './canonical-audit-entry.ts';

export const GENESIS_HASH = '0'.repeat(64);

// Enough rows per round trip to keep the walk busy, few enough to keep memory flat on any size of chain.
const BATCH_SIZE = 5_000;

type Broken = Extract<AuditChainStatus, { intact: false }>;

/**
 * Walks the whole chain in sequence order and recomputes every entry's hash in Node (trusting no function in the
 * database), checking each link, that no sequence number is missing, that time never goes back nor past the
 * database's now, and, given checkpoints whose signatures were already checked, that the chain still holds each
 * signed head and every entry after a checkpoint is dated after it. One snapshot for the whole walk.
 */
export async function verifyAuditChain(
  pool: pg.Pool,
  checkpoints: readonly AuditCheckpoint[] = [],
): Promise<AuditChainStatus> {
  const signed = [...checkpoints].sort((a, b) => Number(BigInt(a.sequence) - BigInt(b.sequence)));
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL TIME ZONE 'UTC'`);
    const { rows: clock } = await client.query<{ now: string }>('SELECT clock_timestamp()::text AS now');
    const now = chainTime(clock[0]?.now ?? '');
    // From the lowest bigint, so that a row forged with a number before 1 is seen too.
    let lastSequence = -(2n ** 63n);
    let expectedSequence = 1n;
    let previousHash = GENESIS_HASH;
    let previousTime = '';
    let entries = 0;
    let next = 0; // the first checkpoint not yet reached
    let lastGood: AuditCheckpoint | undefined;
    for (;;) {
      const { rows } = await client.query<StoredAuditEntry>(
        `SELECT ${STORED_AUDIT_ENTRY_COLUMNS} FROM audit_entries e WHERE e.sequence > $1 ORDER BY e.sequence LIMIT $2`,
        [lastSequence.toString(), BATCH_SIZE],
      );
      for (const row of rows) {
        const sequence = BigInt(row.sequence);
        const time = chainTime(row.occurred_at);
        const broken = (problem: AuditChainProblem, detail: string, firstBroken = sequence): Broken => ({
          intact: false,
          entries,
          firstBrokenSequence: firstBroken,
          firstBrokenId: firstBroken === sequence ? row.id : null,
          problem,
          detail,
        });
        lastSequence = sequence;
        if (sequence < expectedSequence) {
          return broken('CONTENT_ALTERED', `entry ${sequence} is out of place: the chain starts at sequence 1`);
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
          return broken('LINK_BROKEN', `entry ${sequence} does not link to the entry before it`);
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
            const from = lastGood ? BigInt(lastGood.sequence) + 1n : 1n;
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
      }
      if (rows.length < BATCH_SIZE) break;
    }
    const furthest = signed.at(-1);
    if (furthest && BigInt(furthest.sequence) >= expectedSequence) {
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
    }
    return { intact: true, entries };
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

const range = (from: bigint, to: bigint) => (from === to ? `${from}` : `${from}–${to}`);
