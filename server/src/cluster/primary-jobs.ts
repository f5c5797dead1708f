import pg from 'pg';
import { keepAuditPartitions } from '../audit/audit-partitions.ts';
import { type AuditCheckpointOptions, createAuditCheckpointer } from '../audit/create-audit-checkpointer.ts';
import { createComparisonService } from '../comparisons/create-comparison-service.ts';
import { createConnectorRegistry } from '../connectors/create-connector-registry.ts';
import type { InstanceMessage } from './cluster-messages.ts';

export interface PrimaryJobs {
  /** Acts on what an HTTP instance reports. */
  hear(message: InstanceMessage): void;
  /** Stops the timers, finishes the chunk in hand and signs the head one last time. */
  close(): Promise<void>;
}

/**
 * The jobs a hub runs once however many HTTP instances it has, in the cluster's primary: signing the chain head
 * (exactly one signer, so the checkpoint file is one sequence), renewing the trail's partitions, starting due
 * scheduled comparisons and working every run the instances start. In a single process createHttpApp runs them.
 */
export function startPrimaryJobs(databaseUrl: string, auditCheckpoints: AuditCheckpointOptions): PrimaryJobs {
  const checkpointPool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  checkpointPool.on('error', () => {});
  const checkpointer = createAuditCheckpointer(checkpointPool, auditCheckpoints);
  const partitions = keepAuditPartitions(checkpointPool);
  const connectorPool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  connectorPool.on('error', () => {});
  const connectors = createConnectorRegistry(connectorPool);
  const comparisons = createComparisonService(databaseUrl, { scheduleEveryMs: 60_000, connectors });
  return {
    hear(message) {
      if (message.type === 'AUDIT_ENTRIES_WRITTEN') checkpointer.written(message.entries);
      else comparisons.work(message.runId);
    },
    async close() {
      await Promise.allSettled([
        Promise.all([partitions.close(), checkpointer.close()]).then(() => checkpointPool.end()),
        comparisons.close().then(() => {
          connectors.close();
          return connectorPool.end();
        }),
      ]);
    },
  };
}
