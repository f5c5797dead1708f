/** How the hub calls one department's HTTP API; every limit is the department's to agree, with safe defaults. */
export interface ConnectorSettings {
  /** The department's API root, e.g. https://api.bank.example/verification/v1 */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  token: string;
  dataset: string;
  /** Persons asked about in one request. */
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** One attempt's limit. */
  timeoutMs: number;
  /** Attempts after the first, on timeouts, network errors, 5xx and 429. */
  retries: number;
  /** First backoff; doubles each attempt, with jitter, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A Retry-After longer than this gives the batch up rather than holding the run. */
  maxRetryAfterMs: number;
  /** The circuit opens when this share of recent batches failed (given at least `circuitMinimumBatches`)… */
  circuitErrorPercentage: number;
  circuitMinimumBatches: number;
  /** …and lets one batch through to try again after this long. */
  circuitResetMs: number;
}

export const DEFAULT_CONNECTOR_SETTINGS = {
  batchSize: 100,
  concurrency: 4,
  timeoutMs: 5_000,
  retries: 3,
  backoffMs: 200,
  maxBackoffMs: 5_000,
  maxRetryAfterMs: 30_000,
  circuitErrorPercentage: 50,
  circuitMinimumBatches: 5,
  circuitResetMs: 30_000,
} satisfies Partial<ConnectorSettings>;
