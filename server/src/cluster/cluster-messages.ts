/** What an HTTP instance tells the primary over the cluster's IPC channel: facts for the jobs only the primary runs. */
export type InstanceMessage =
  /** Entries this instance appended to the trail: they count towards the primary's next signed checkpoint. */
  | { type: 'AUDIT_ENTRIES_WRITTEN'; entries: number }
  /** A comparison run started through this instance: the primary works its chunks. */
  | { type: 'COMPARISON_RUN_STARTED'; runId: string };

/** What the primary tells an HTTP instance. */
export type PrimaryMessage = { type: 'STOP' };

/** An HTTP instance's settings, handed to it in its environment when the primary forks it. */
export interface InstanceSettings {
  databaseUrl: string;
  port: number;
  host: string;
  /** The signed checkpoints the primary appends to (read for `audit verify` and the witness route). */
  checkpointFile: string;
  /** The checkpoints' public key (PEM), for the witness route; the private key stays with the primary. */
  publicKeyPem: string;
  /** HUB_AUDIT_WITNESS_TOKEN as the primary read it. */
  witnessToken: string | undefined;
}

export const INSTANCE_SETTINGS_ENV = 'HUB_CLUSTER_INSTANCE';

export function isInstanceMessage(message: unknown): message is InstanceMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'AUDIT_ENTRIES_WRITTEN' || type === 'COMPARISON_RUN_STARTED';
}
