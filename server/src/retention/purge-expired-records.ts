import type pg from 'pg';
import { type PurgedConsent, purgeEndedConsents } from '../consents/purge-ended-consents.ts';
import { type PurgedSnapshot, purgeExpiredSnapshots } from '../delivery/purge-expired-snapshots.ts';
import type { SnapshotRetention } from '../delivery/snapshot-retention.ts';
import { type PurgedRequest, purgeClosedRequests } from '../requests/purge-closed-requests.ts';
import type { RecordRetention } from './record-retention.ts';

/** What one application of the retention removed. */
export interface PurgedRecords {
  snapshots: PurgedSnapshot[];
  consents: PurgedConsent[];
  requests: PurgedRequest[];
}

/**
 * Applies the whole retention (docs/operations.md, Retention): dataset snapshots past theirs lose their records,
 * consents that ended and verification requests that closed long enough ago are deleted. Each removal is recorded as a
 * typed event in the audit trail in its own transaction.
 */
export async function purgeExpiredRecords(
  pool: pg.Pool,
  retention: { snapshots: SnapshotRetention; records: RecordRetention },
): Promise<PurgedRecords> {
  const snapshots = await purgeExpiredSnapshots(pool, retention.snapshots);
  const consents = await purgeEndedConsents(pool, retention.records.endedConsentDays);
  const requests = await purgeClosedRequests(pool, retention.records.closedRequestDays);
  return { snapshots, consents, requests };
}
