import { parseArgs } from 'node:util';
import pg from 'pg';
import { purgeExpiredSnapshots } from '../../delivery/purge-expired-snapshots.ts';
import { readSnapshotRetention } from '../../delivery/snapshot-retention.ts';
import type { CommandContext } from '../command-context.ts';

const USAGE = `usage: ./hub datasets purge

Purges every dataset snapshot past its retention, as the running hub does once an hour: per department and dataset
the current snapshot and HUB_KEEP_PREVIOUS_SNAPSHOTS previous ones (default 2; HUB_KEEP_PREVIOUS_SNAPSHOTS_<DATASET>
for one dataset) keep their records, and live answers keep theirs HUB_LIVE_ANSWER_RETENTION_DAYS days (default 365).
Each purge is recorded as a SNAPSHOT_PURGED event in the audit trail. See docs/operations.md.`;

/** `hub datasets purge`: applies the snapshot retention now, for an operator. */
export async function datasetsCommand(args: string[], context: CommandContext): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { help: { type: 'boolean', short: 'h', default: false } } });
  if (action !== 'purge' || values.help) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const retention = readSnapshotRetention();
  const pool = new pg.Pool({ connectionString: await context.databaseUrl(), max: 2 });
  try {
    const purged = await purgeExpiredSnapshots(pool, retention);
    for (const snapshot of purged) {
      console.log(
        `purged ${snapshot.dataset} snapshot ${snapshot.snapshotId} of ${snapshot.asOf} ` +
          `(${snapshot.previousStatus.toLowerCase()}): ${snapshot.records} records removed`,
      );
    }
    console.log(`${purged.length} snapshot(s) purged`);
  } finally {
    await pool.end();
  }
}
