import type { AuditChainProblem, AuditChainStatus } from '@hub/schema/context';
import type pg from 'pg';

export const GENESIS_HASH = '0'.repeat(64);

// Enough rows per round trip to keep PostgreSQL hashing, few enough to keep memory flat on any size of chain.
const BATCH_SIZE = 5_000;

interface ChainRow {
  sequence: string;
  id: string;
  previous_hash: string;
  entry_hash: string;
  recomputed: string;
}

/**
 * Walks the whole chain in sequence order, recomputing each entry's hash with the database's own canonical
 * serialisation (audit_entry_hash) and checking that each entry links to the one before and that no sequence
 * number is missing. One snapshot for the whole walk: entries appended meanwhile neither count nor break it.
 */
export async function verifyAuditChain(pool: pg.Pool): Promise<AuditChainStatus> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // From the lowest bigint, so that a row forged with a number before 1 is seen too.
    let lastSequence = -(2n ** 63n);
    let expectedSequence = 1n;
    let previousHash = GENESIS_HASH;
    let entries = 0;
    for (;;) {
      const { rows } = await client.query<ChainRow>(
        `SELECT e.sequence::text AS sequence, id, previous_hash, entry_hash, audit_entry_hash(e) AS recomputed
         FROM audit_entries e WHERE e.sequence > $1 ORDER BY e.sequence LIMIT $2`,
        [lastSequence.toString(), BATCH_SIZE],
      );
      for (const row of rows) {
        const sequence = BigInt(row.sequence);
        const broken = (problem: AuditChainProblem, detail: string) =>
          ({ intact: false, entries, firstBrokenSequence: sequence, firstBrokenId: row.id, problem, detail }) as const;
        lastSequence = sequence;
        if (sequence < expectedSequence) {
          return broken('CONTENT_ALTERED', `entry ${sequence} is out of place: the chain starts at sequence 1`);
        }
        if (sequence > expectedSequence) {
          const missing =
            sequence - expectedSequence === 1n ? `${expectedSequence}` : `${expectedSequence}–${sequence - 1n}`;
          return broken('ENTRY_MISSING', `entry ${sequence} follows a gap: sequence ${missing} is missing`);
        }
        if (row.recomputed !== row.entry_hash) {
          return broken('CONTENT_ALTERED', `entry ${sequence} was altered: its content no longer matches its hash`);
        }
        if (row.previous_hash !== previousHash) {
          return broken('LINK_BROKEN', `entry ${sequence} does not link to the entry before it`);
        }
        previousHash = row.entry_hash;
        expectedSequence = sequence + 1n;
        entries += 1;
      }
      if (rows.length < BATCH_SIZE) return { intact: true, entries };
    }
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}
