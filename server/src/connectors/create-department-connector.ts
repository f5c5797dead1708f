import CircuitBreaker from 'opossum';
import pLimit from 'p-limit';
import { type ConnectorSettings, DEFAULT_CONNECTOR_SETTINGS } from './connector-settings.ts';
import type { DepartmentAnswer, DepartmentRecord } from './department-answer.ts';
import { BatchFailedError, type BatchFailure, fetchBatch } from './fetch-batch.ts';

/** What one department said about a set of persons, and whom it did not answer for, and why. */
export interface ConnectorResult {
  /** The date the department's answers describe (the latest of its batches), null when none answered. */
  asOf: string | null;
  records: DepartmentRecord[];
  /** Persons the department says it holds nothing about. */
  notFound: string[];
  /** Persons no answer covered: their batch failed, or the answer left them out. */
  unanswered: { idNumber: string; failure: BatchFailure | 'NOT_IN_ANSWER' }[];
}

export interface DepartmentConnector {
  /** The records of `dataset` (by default the one the connector was made for) about the persons asked. */
  fetchRecords(idNumbers: readonly string[], dataset?: string): Promise<ConnectorResult>;
  /** CLOSED (calls go through), OPEN (calls fail at once) or HALF_OPEN (one call tries again). */
  circuit(): 'CLOSED' | 'OPEN' | 'HALF_OPEN';
  shutdown(): void;
}

/**
 * A live connector to one department: batches, a cap on requests in flight, retries inside each batch, and a
 * circuit breaker across batches so that a department that is down is not hammered and a run does not wait on it.
 */
export function createDepartmentConnector(
  options: Pick<ConnectorSettings, 'baseUrl' | 'token' | 'dataset'> & Partial<ConnectorSettings>,
): DepartmentConnector {
  const settings: ConnectorSettings = { ...DEFAULT_CONNECTOR_SETTINGS, ...options };
  // One breaker for the department's API, whichever dataset a batch asks for: when it is down, it is down for all.
  const breaker = new CircuitBreaker(
    (batch: readonly string[], dataset: string) => fetchBatch({ ...settings, dataset }, batch),
    {
      timeout: false, // each attempt has its own timeout
      errorThresholdPercentage: settings.circuitErrorPercentage,
      volumeThreshold: settings.circuitMinimumBatches,
      resetTimeout: settings.circuitResetMs,
    },
  );
  const limit = pLimit(settings.concurrency);

  async function fetchRecords(idNumbers: readonly string[], dataset = settings.dataset): Promise<ConnectorResult> {
    const batches: string[][] = [];
    for (let i = 0; i < idNumbers.length; i += settings.batchSize) {
      batches.push(idNumbers.slice(i, i + settings.batchSize));
    }
    const result: ConnectorResult = { asOf: null, records: [], notFound: [], unanswered: [] };
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          let answer: DepartmentAnswer;
          try {
            answer = await breaker.fire(batch, dataset);
          } catch (error) {
            const failure = error instanceof BatchFailedError ? error.failure : 'CIRCUIT_OPEN';
            for (const idNumber of batch) result.unanswered.push({ idNumber, failure });
            return;
          }
          // Only what was asked counts; a person the answer forgot is unanswered, not "has nothing".
          const asked = new Set(batch);
          const covered = new Set<string>();
          for (const record of answer.records) {
            if (!asked.has(record.idNumber)) continue;
            result.records.push(record);
            covered.add(record.idNumber);
          }
          for (const idNumber of answer.notFound) {
            if (asked.has(idNumber) && !covered.has(idNumber)) result.notFound.push(idNumber);
            covered.add(idNumber);
          }
          for (const idNumber of batch) {
            if (!covered.has(idNumber)) result.unanswered.push({ idNumber, failure: 'NOT_IN_ANSWER' });
          }
          if (!result.asOf || answer.asOf > result.asOf) result.asOf = answer.asOf;
        }),
      ),
    );
    return result;
  }

  return {
    fetchRecords,
    circuit: () => (breaker.opened ? 'OPEN' : breaker.halfOpen ? 'HALF_OPEN' : 'CLOSED'),
    shutdown: () => breaker.shutdown(),
  };
}
