import { join } from 'node:path';

/**
 * Where the hub keeps its checkpoint key and file: in the data folder's `audit/` unless HUB_AUDIT_CHECKPOINT_FILE
 * and HUB_AUDIT_SIGNING_KEY say otherwise (a folder a witness copies, another disk).
 */
export function auditEvidenceFiles(dataDirectory: string): { checkpointFile: string; signingKeyFile: string } {
  return {
    checkpointFile: process.env.HUB_AUDIT_CHECKPOINT_FILE ?? join(dataDirectory, 'audit', 'checkpoints.jsonl'),
    signingKeyFile: process.env.HUB_AUDIT_SIGNING_KEY ?? join(dataDirectory, 'audit', 'signing-key.pem'),
  };
}
