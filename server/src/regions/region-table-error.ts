/** One row of a region table the hub cannot take, and why. */
export interface RegionRowProblem {
  /** The line of the file, the header being line 1. */
  line: number;
  code: string;
  /** BAD_CODE, MISSING_NAME, BAD_LEVEL, BAD_URBAN_RURAL_CODE, DUPLICATE_CODE, MISSING_PARENT, UNKNOWN_PARENT, PARENT_MISMATCH */
  reason: string;
  message: string;
}

export type RegionTableErrorCode =
  | 'MALFORMED_FILE'
  | 'MISSING_COLUMNS'
  | 'UNKNOWN_COLUMNS'
  | 'EMPTY_TABLE'
  | 'INVALID_ROWS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UPLOAD_TOO_LARGE';

/** A region table the hub will not import, with every row at fault: nothing of it was applied. */
export class RegionTableError extends Error {
  constructor(
    readonly code: RegionTableErrorCode,
    message: string,
    readonly problems: readonly RegionRowProblem[] = [],
  ) {
    super(message);
    this.name = 'RegionTableError';
  }

  get httpStatus(): number {
    if (this.code === 'UNSUPPORTED_MEDIA_TYPE') return 415;
    if (this.code === 'UPLOAD_TOO_LARGE') return 413;
    return 422;
  }
}
