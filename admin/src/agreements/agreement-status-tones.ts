export const AGREEMENT_STATUS_TONES = {
  DRAFT: 'default',
  PENDING_APPROVAL: 'info',
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  EXPIRED: 'error',
  REVOKED: 'error',
} as const;
