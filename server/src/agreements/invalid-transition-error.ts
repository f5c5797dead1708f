import type { AgreementStatus } from '@hub/prisma';
import { conflictError } from '@hub/schema/errors';

export function invalidTransitionError(
  action: string,
  status: AgreementStatus,
  allowedFrom: readonly AgreementStatus[],
) {
  return conflictError(
    'INVALID_TRANSITION',
    `cannot ${action} a sharing agreement that is ${status}: only one that is ${allowedFrom.join(' or ')} can be`,
    { status, action },
  );
}
