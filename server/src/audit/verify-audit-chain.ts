import type { AuditChainStatus } from '@hub/schema/context';
import type pg from 'pg';
import { archivedHead } from './archived-head.ts';
import { GENESIS, walkAuditChain } from './audit-chain-walk.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import { chainTime, STORED_AUDIT_ENTRY_COLUMNS, type StoredAuditEntry } from './canonical-audit-entry.ts';
import { verifyCaseEventSeals } from './verify-case-event-seals.ts';

export { GENESIS_HASH } from './audit-chain-walk.ts';

// Enough rows per round trip to keep the walk busy, few enough to keep memory flat on any size of chain.
const BATCH_SIZE = 5_000;

/**
 * Walks the whole online chain in sequence order and recomputes every entry's hash in Node (trusting no function in
 * the database), with the checks of walkAuditChain. After months were archived (`hub audit archive`) the chain starts
 * at the entry after the archived head that the AUDIT_MONTH_ARCHIVED events name; the archives themselves are checked
 * offline (`hub audit verify --archive`). Then every discrepancy case event against the SHA-256 its entry sealed
 * (verify-case-event-seals.ts). One snapshot for the whole walk.
 */
export async function verifyAuditChain(
  pool: pg.Pool,
  checkpoints: readonly AuditCheckpoint[] = [],
): Promise<AuditChainStatus> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL TIME ZONE 'UTC'`);
    const { rows: clock } = await client.query<{ now: string }>('SELECT clock_timestamp()::text AS now');
    const head = await archivedHead(client);
    if (head && 'intact' in head) return head;
    const walk = walkAuditChain({ start: head ?? GENESIS, checkpoints, now: chainTime(clock[0]?.now ?? '') });
    // From the lowest bigint, so that a row forged with a number before the start is seen too.
    let lastSequence = -(2n ** 63n);
    for (;;) {
      const { rows } = await client.query<StoredAuditEntry>(
        `SELECT ${STORED_AUDIT_ENTRY_COLUMNS} FROM audit_entries e WHERE e.sequence > $1 ORDER BY e.sequence LIMIT $2`,
        [lastSequence.toString(), BATCH_SIZE],
      );
      for (const row of rows) {
        lastSequence = BigInt(row.sequence);
        const broken = walk.check(row);
        if (broken) return broken;
      }
      if (rows.length < BATCH_SIZE) break;
    }
    const beyond = walk.missingTail() ?? (await verifyCaseEventSeals(client, walk, { archived: head !== undefined }));
    return beyond ?? { intact: true, entries: walk.entries };
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}
