/**
 * The channel a run's progress is announced on (payload: the run id), in the transaction that changes it: a chunk
 * done, the run started, cancelled or failed. The hub's progress streams listen on it.
 */
export const PROGRESS_CHANNEL = 'comparison_progress';

/** A run in one of these changes no more: its progress stream ends. */
export const TERMINAL_STATUSES: readonly string[] = ['COMPLETED', 'FAILED', 'CANCELLED'];
