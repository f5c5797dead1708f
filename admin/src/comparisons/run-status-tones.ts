export const RUN_STATUS_TONES = {
  PENDING: 'default',
  RUNNING: 'info',
  COMPLETED: 'success',
  CANCELLED: 'warning',
  FAILED: 'error',
} as const;
