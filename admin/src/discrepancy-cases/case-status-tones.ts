/** The colour of each case status's chip: waiting is a warning, decided is information, closed is done. */
export const CASE_STATUS_TONES: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  OPEN: 'warning',
  IN_PROGRESS: 'info',
  DECIDED: 'success',
  APPEALED: 'warning',
  CLOSED: 'default',
};
