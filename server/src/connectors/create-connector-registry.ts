import type { Dataset } from '@hub/prisma';
import type pg from 'pg';
import { decryptCredential } from './connector-credential.ts';
import { createDepartmentConnector, type DepartmentConnector } from './create-department-connector.ts';

/** An enabled connector of one department, ready to call. */
export interface LiveConnector {
  id: string;
  departmentId: string;
  datasets: readonly Dataset[];
  connector: DepartmentConnector;
}

export type CircuitState = ReturnType<DepartmentConnector['circuit']>;

export interface ConnectorRegistry {
  /** The enabled connectors as configured now; each keeps its circuit across calls until its settings change. */
  enabledConnectors(): Promise<LiveConnector[]>;
  /** The circuit of a connector in this process; CLOSED for one not called yet. */
  circuit(id: string): CircuitState;
  /** Remembers a fetch's outcome for the portal: when it last answered, when and why it last failed. */
  recordOutcome(id: string, outcome: { answered: boolean; failure: string | null }): Promise<void>;
  close(): void;
}

interface ConnectorRow {
  id: string;
  department_id: string;
  datasets: Dataset[];
  base_url: string;
  credential_ciphertext: string;
  batch_size: number;
  concurrency: number;
  timeout_ms: number;
  retries: number;
  backoff_ms: number;
  max_backoff_ms: number;
  circuit_error_percentage: number;
  circuit_minimum_batches: number;
  circuit_reset_ms: number;
  version: string;
}

/** The connectors of this process, built from department_connectors and rebuilt when a connector's row changes. */
export function createConnectorRegistry(pool: pg.Pool): ConnectorRegistry {
  const built = new Map<string, { version: string; live: LiveConnector }>();

  function build(row: ConnectorRow): LiveConnector {
    return {
      id: row.id,
      departmentId: row.department_id,
      datasets: row.datasets,
      connector: createDepartmentConnector({
        baseUrl: row.base_url,
        token: decryptCredential(row.credential_ciphertext),
        dataset: row.datasets[0] ?? '',
        batchSize: row.batch_size,
        concurrency: row.concurrency,
        timeoutMs: row.timeout_ms,
        retries: row.retries,
        backoffMs: row.backoff_ms,
        maxBackoffMs: row.max_backoff_ms,
        circuitErrorPercentage: row.circuit_error_percentage,
        circuitMinimumBatches: row.circuit_minimum_batches,
        circuitResetMs: row.circuit_reset_ms,
      }),
    };
  }

  return {
    async enabledConnectors() {
      const { rows } = await pool.query<ConnectorRow>(
        `SELECT *, datasets::text[] AS datasets, updated_at::text AS version
           FROM department_connectors WHERE enabled ORDER BY department_id`,
      );
      const enabled = new Set(rows.map((row) => row.id));
      for (const [id, entry] of built) {
        if (!enabled.has(id)) {
          entry.live.connector.shutdown();
          built.delete(id);
        }
      }
      const connectors: LiveConnector[] = [];
      for (const row of rows) {
        const existing = built.get(row.id);
        if (existing?.version === row.version) {
          connectors.push(existing.live);
          continue;
        }
        existing?.live.connector.shutdown();
        built.delete(row.id);
        try {
          const live = build(row);
          built.set(row.id, { version: row.version, live });
          connectors.push(live);
        } catch (error) {
          // Without its credential the connector cannot be called: the runs use the bulk snapshots, and the portal says why.
          await this.recordOutcome(row.id, {
            answered: false,
            failure: `CREDENTIAL_UNREADABLE: ${(error as Error).message}`,
          });
        }
      }
      return connectors;
    },
    circuit: (id) => built.get(id)?.live.connector.circuit() ?? 'CLOSED',
    async recordOutcome(id, outcome) {
      await pool.query(
        `UPDATE department_connectors
            SET last_success_at = CASE WHEN $2 THEN now() ELSE last_success_at END,
                last_failure_at = CASE WHEN $3::text IS NOT NULL THEN now() ELSE last_failure_at END,
                last_failure_reason = coalesce($3, last_failure_reason)
          WHERE id = $1`,
        [id, outcome.answered, outcome.failure],
      );
    },
    close() {
      for (const entry of built.values()) entry.live.connector.shutdown();
      built.clear();
    },
  };
}
