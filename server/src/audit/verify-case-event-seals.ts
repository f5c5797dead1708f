import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { AuditChainWalk, BrokenChain } from './audit-chain-walk.ts';
import { chainTime } from './canonical-audit-entry.ts';

/** A case event as verification reads it: every column in PostgreSQL's own text output (under TIME ZONE 'UTC'). */
interface StoredCaseEvent {
  id: string;
  case_id: string;
  type: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_name: string;
  run_id: string | null;
  /** details::text: jsonb's text form, which is also its form nested in the sealed array. */
  details: string;
}

const jsonText = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/** The SHA-256 that chainCaseEventsSql seals into the chain, computed again in Node from the stored row. */
export function caseEventSha256(event: StoredCaseEvent): string {
  const occurredAt = chainTime(event.occurred_at).replace(/(\.\d{3})\d{3}Z$/, '$1Z');
  const fields = [event.id, event.case_id, event.type, occurredAt, event.actor_user_id, event.actor_name, event.run_id];
  return createHash('sha256')
    .update(`[${fields.map(jsonText).join(', ')}, ${event.details}]`, 'utf8')
    .digest('hex');
}

// Each case event beside the chain entry that names it. Events from before the case events were chained (the
// migration's marker entry) or whose entries were archived with their month have none, and are not checked.
const pairs = (archived: boolean) => `
  DECLARE case_event_seals NO SCROLL CURSOR FOR
  WITH since AS (
    SELECT greatest(
      (SELECT max(occurred_at) FROM audit_entries
        WHERE operation = 'migrate 20261208010000_case_referrals_and_chained_case_events'),
      (SELECT min(occurred_at) FROM audit_entries WHERE ${archived})) AS at)
  SELECT e.id::text AS id, e.case_id::text AS case_id, e.type::text AS type, e.occurred_at::text AS occurred_at,
         e.actor_user_id::text AS actor_user_id, e.actor_name, e.run_id::text AS run_id, e.details::text AS details,
         a.sequence::text AS sequence, a.id::text AS entry_id, a.change->>'caseEventId' AS sealed_id,
         a.change->>'sha256' AS sealed_sha256
    FROM discrepancy_case_events e
    FULL JOIN (SELECT sequence, id, change FROM audit_entries WHERE event = 'DISCREPANCY_CASE_STEP') a
      ON a.change->>'caseEventId' = e.id::text
   CROSS JOIN since
   WHERE a.sequence IS NOT NULL OR since.at IS NULL OR e.occurred_at >= since.at
   ORDER BY a.sequence NULLS LAST, e.id`;

type Pair = Partial<StoredCaseEvent> & {
  sequence: string | null;
  entry_id: string | null;
  sealed_id: string | null;
  sealed_sha256: string | null;
};

/**
 * After the chain itself checked intact: every discrepancy case event must match the SHA-256 its chain entry sealed,
 * every such entry's event must still exist, and no event may lack an entry. The first problem, or undefined. Runs
 * in the walk's snapshot (the caller's transaction), a batch at a time.
 */
export async function verifyCaseEventSeals(
  client: pg.ClientBase,
  walk: AuditChainWalk,
  options: { archived: boolean },
): Promise<BrokenChain | undefined> {
  const broken = (problem: BrokenChain['problem'], detail: string, pair: Pair): BrokenChain => ({
    intact: false,
    entries: walk.entries,
    firstBrokenSequence: pair.sequence === null ? walk.nextSequence : BigInt(pair.sequence),
    firstBrokenId: pair.entry_id,
    problem,
    detail,
  });
  await client.query(pairs(options.archived));
  try {
    for (;;) {
      const { rows } = await client.query<Pair>('FETCH 5000 FROM case_event_seals');
      for (const pair of rows) {
        if (pair.sequence === null) {
          return broken(
            'CASE_EVENT_UNCHAINED',
            `case event ${pair.id} of case ${pair.case_id} has no chain entry`,
            pair,
          );
        }
        if (pair.id === undefined || pair.id === null) {
          return broken('CASE_EVENT_ALTERED', `case event ${pair.sealed_id} of entry ${pair.sequence} is gone`, pair);
        }
        if (caseEventSha256(pair as StoredCaseEvent) !== pair.sealed_sha256) {
          return broken(
            'CASE_EVENT_ALTERED',
            `case event ${pair.id} of case ${pair.case_id} was altered: it no longer matches entry ${pair.sequence}`,
            pair,
          );
        }
      }
      if (rows.length < 5000) return undefined;
    }
  } finally {
    await client.query('CLOSE case_event_seals');
  }
}
