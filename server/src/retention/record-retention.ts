import { retentionSetting } from '../delivery/snapshot-retention.ts';

/**
 * How long the hub keeps consents that ended and verification requests that closed (PIPL art. 19: the shortest
 * period the purpose needs). Once past it the row is deleted; the typed event that deletes it keeps its description
 * in the audit trail, as the CONSENT_RECORDED and CONSENT_WITHDRAWN events before it do.
 */
export interface RecordRetention {
  /** Days a consent is kept after it expired or was withdrawn (HUB_ENDED_CONSENT_RETENTION_DAYS). */
  endedConsentDays: number;
  /** Days a REPORTED verification request is kept after its report (HUB_CLOSED_REQUEST_RETENTION_DAYS). */
  closedRequestDays: number;
}

export const DEFAULT_ENDED_CONSENT_RETENTION_DAYS = 365;
export const DEFAULT_CLOSED_REQUEST_RETENTION_DAYS = 365;

/** The retention from the environment, each setting falling back to its default; a malformed one is refused. */
export function readRecordRetention(env: NodeJS.ProcessEnv = process.env): RecordRetention {
  return {
    endedConsentDays: retentionSetting(
      env,
      'HUB_ENDED_CONSENT_RETENTION_DAYS',
      DEFAULT_ENDED_CONSENT_RETENTION_DAYS,
      1,
      'the disclosures it allowed may still be questioned',
    ),
    closedRequestDays: retentionSetting(
      env,
      'HUB_CLOSED_REQUEST_RETENTION_DAYS',
      DEFAULT_CLOSED_REQUEST_RETENTION_DAYS,
      1,
      'its report may still be printed for the decision it supports',
    ),
  };
}
