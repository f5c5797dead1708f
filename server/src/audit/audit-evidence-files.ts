import { join } from 'node:path';

/**
 * Where the hub keeps its checkpoint key and file and the archives of past months: in the data folder's `audit/`
 * unless HUB_AUDIT_CHECKPOINT_FILE, HUB_AUDIT_SIGNING_KEY and HUB_AUDIT_ARCHIVE_DIR say otherwise (a folder a witness
 * copies, another disk).
 */
export function auditEvidenceFiles(dataDirectory: string): {
  checkpointFile: string;
  signingKeyFile: string;
  archiveDirectory: string;
} {
  return {
    checkpointFile: process.env.HUB_AUDIT_CHECKPOINT_FILE ?? join(dataDirectory, 'audit', 'checkpoints.jsonl'),
    signingKeyFile: process.env.HUB_AUDIT_SIGNING_KEY ?? join(dataDirectory, 'audit', 'signing-key.pem'),
    archiveDirectory: process.env.HUB_AUDIT_ARCHIVE_DIR ?? join(dataDirectory, 'audit', 'archives'),
  };
}
