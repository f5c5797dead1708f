/** The codes a delivering department's system switches on; each answer's `error.code` is one of them. */
export type DeliveryErrorCode =
  | 'UNAUTHENTICATED'
  | 'NOT_DATASET_PROVIDER'
  | 'FORBIDDEN'
  | 'REASON_REQUIRED'
  | 'UNKNOWN_DATASET'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_AS_OF'
  | 'INVALID_REJECT_THRESHOLD'
  | 'MISSING_COLUMNS'
  | 'UNKNOWN_COLUMNS'
  | 'MALFORMED_FILE'
  | 'UPLOAD_INTERRUPTED'
  | 'UPLOAD_TOO_LARGE'
  | 'REJECT_THRESHOLD_EXCEEDED'
  | 'EMPTY_SNAPSHOT';

const HTTP_STATUS: Record<DeliveryErrorCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_DATASET_PROVIDER: 403,
  FORBIDDEN: 403,
  REASON_REQUIRED: 400,
  UNKNOWN_DATASET: 404,
  NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_AS_OF: 400,
  INVALID_REJECT_THRESHOLD: 400,
  MISSING_COLUMNS: 422,
  UNKNOWN_COLUMNS: 422,
  MALFORMED_FILE: 422,
  UPLOAD_INTERRUPTED: 400,
  UPLOAD_TOO_LARGE: 413,
  REJECT_THRESHOLD_EXCEEDED: 422,
  EMPTY_SNAPSHOT: 422,
};

/** A delivery the hub will not take, and why, in words the department's operator can act on. */
export class DatasetDeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetDeliveryError';
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}
