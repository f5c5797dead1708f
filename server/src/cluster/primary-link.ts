import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type AuditCheckpoint, parseCheckpoints } from '../audit/audit-checkpoint.ts';
import type { AuditCheckpointer } from '../audit/create-audit-checkpointer.ts';
import type { InstanceMessage, InstanceSettings } from './cluster-messages.ts';

// Audit batches are counted here and reported together: one IPC message per batch would cost more than the batch.
const REPORT_EVERY_MS = 200;

/** An HTTP instance's view of the jobs its primary runs (passed to createHttpApp as `primary`). */
export interface PrimaryLink {
  /** Reports written entries to the primary's signer and reads its checkpoints; never signs. */
  checkpoints: AuditCheckpointer;
  publicKey: KeyObject;
  witnessToken: string | undefined;
  workComparisonRun(runId: string): void;
}

function tell(message: InstanceMessage): void {
  // Once the primary is gone this process is exiting too (the cluster disconnects it): nothing to tell.
  if (process.connected) process.send?.(message);
}

/** The link of a cluster worker (`hub start --instances N`) to the primary that forked it. */
export function linkToPrimary(settings: InstanceSettings): PrimaryLink {
  let unreported = 0;
  let report: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(report);
    report = undefined;
    if (unreported > 0) tell({ type: 'AUDIT_ENTRIES_WRITTEN', entries: unreported });
    unreported = 0;
  };
  const signed = (): AuditCheckpoint[] =>
    existsSync(settings.checkpointFile)
      ? parseCheckpoints(readFileSync(settings.checkpointFile, 'utf8'), settings.checkpointFile)
      : [];
  return {
    checkpoints: {
      written(entries) {
        unreported += entries;
        report ??= setTimeout(flush, REPORT_EVERY_MS).unref();
      },
      checkpoint: async () => signed().at(-1),
      latest: (limit) => signed().slice(-limit),
      close: async () => flush(),
    },
    publicKey: createPublicKey(settings.publicKeyPem),
    witnessToken: settings.witnessToken,
    workComparisonRun: (runId) => tell({ type: 'COMPARISON_RUN_STARTED', runId }),
  };
}
