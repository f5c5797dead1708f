import { parseArgs } from 'node:util';
import { readSnapshotRetention } from '../../delivery/snapshot-retention.ts';
import { purgeExpiredRecords } from '../../retention/purge-expired-records.ts';
import { readRecordRetention } from '../../retention/record-retention.ts';
import type { CommandContext } from '../command-context.ts';
import { commandPool } from '../command-pool.ts';

const USAGE = `usage: ./hub retention purge

Applies the retention now, as the running hub does once an hour (docs/operations.md, Retention):
- dataset snapshots: per department and dataset the current snapshot and HUB_KEEP_PREVIOUS_SNAPSHOTS previous ones
  (default 2; HUB_KEEP_PREVIOUS_SNAPSHOTS_<DATASET> for one dataset) keep their records, and live answers keep theirs
  HUB_LIVE_ANSWER_RETENTION_DAYS days (default 365);
- consents are deleted HUB_ENDED_CONSENT_RETENTION_DAYS days after they expired or were withdrawn (default 365);
- verification requests are deleted HUB_CLOSED_REQUEST_RETENTION_DAYS days after their report (default 365).
Each removal is recorded in the audit trail as a SNAPSHOT_PURGED, CONSENT_PURGED or VERIFICATION_REQUEST_PURGED event.`;

/** `hub retention purge`: applies the retention now, for an operator. */
export async function retentionCommand(args: string[], context: CommandContext): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { help: { type: 'boolean', short: 'h', default: false } } });
  if (action !== 'purge' || values.help) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const retention = { snapshots: readSnapshotRetention(), records: readRecordRetention() };
  const pool = commandPool(await context.databaseUrl(), 2);
  try {
    const purged = await purgeExpiredRecords(pool, retention);
    for (const snapshot of purged.snapshots) {
      console.log(
        `purged ${snapshot.dataset} snapshot ${snapshot.snapshotId} of ${snapshot.asOf} ` +
          `(${snapshot.previousStatus.toLowerCase()}): ${snapshot.records} records removed`,
      );
    }
    for (const consent of purged.consents)
      console.log(`purged consent ${consent.consentId} (ended ${consent.endedOn})`);
    for (const request of purged.requests) {
      console.log(`purged verification request ${request.requestId} (reference ${request.reference})`);
    }
    console.log(
      `${purged.snapshots.length} snapshot(s), ${purged.consents.length} consent(s), ` +
        `${purged.requests.length} verification request(s) purged`,
    );
  } finally {
    await pool.end();
  }
}
