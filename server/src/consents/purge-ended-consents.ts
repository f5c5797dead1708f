import type pg from 'pg';
import { systemChangeActor } from '../audit/change-actors.ts';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { purgeInBatches } from '../retention/purge-in-batches.ts';

/** One consent retention deleted. */
export interface PurgedConsent {
  consentId: string;
  personId: string;
  /** YYYY-MM-DD, China Standard Time: the day after its last valid day, or the day it was withdrawn. */
  endedOn: string;
}

// A consent ends after its expiry date (a date, China Standard Time) or when it is withdrawn; it is purged `days`
// whole days after that. FOR UPDATE SKIP LOCKED: another process purging at the same time takes other rows.
const ENDED = `
  SELECT id, person_id, document_reference, to_char(signed_on, 'YYYY-MM-DD') AS signed_on,
         to_char(expires_on, 'YYYY-MM-DD') AS expires_on, withdrawn_at,
         to_char(LEAST(expires_on + 1, (withdrawn_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS ended_on
    FROM consents
   WHERE expires_on < (now() AT TIME ZONE 'Asia/Shanghai')::date - $1::int
      OR withdrawn_at < now() - make_interval(days => $1::int)
   ORDER BY id
   LIMIT 500
   FOR UPDATE SKIP LOCKED`;

interface Ended {
  id: string;
  person_id: string;
  document_reference: string;
  signed_on: string;
  expires_on: string;
  withdrawn_at: Date | null;
  ended_on: string;
}

/**
 * Deletes every consent that ended more than `days` days ago, in batches of one transaction each, every deletion
 * with a CONSENT_PURGED event (the person as its subject, the consent's dates and document reference as its old
 * values) in the same transaction. Safe to run again and from several processes at once.
 */
export async function purgeEndedConsents(pool: pg.Pool, days: number): Promise<PurgedConsent[]> {
  return purgeInBatches<Ended, PurgedConsent>(pool, { sql: ENDED, params: [days] }, async (client, consent) => {
    await client.query('DELETE FROM consents WHERE id = $1', [consent.id]);
    await recordChangeEvent(client, systemChangeActor('purgeEndedConsents'), {
      type: 'CONSENT_PURGED',
      reason: `retention: consents are kept ${days} days after they end`,
      consentId: consent.id,
      personId: consent.person_id,
      changes: [
        { field: 'documentReference', old: consent.document_reference, new: null },
        { field: 'signedOn', old: consent.signed_on, new: null },
        { field: 'expiresOn', old: consent.expires_on, new: null },
        { field: 'withdrawnAt', old: consent.withdrawn_at?.toISOString() ?? null, new: null },
      ],
    });
    return { consentId: consent.id, personId: consent.person_id, endedOn: consent.ended_on };
  });
}
