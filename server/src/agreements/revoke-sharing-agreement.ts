import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { changeSharingAgreementStatus, statusReason } from './change-sharing-agreement-status.ts';

/** Ends an agreement for good: a revoked agreement never grants anything again (write a new one instead). */
export function revokeSharingAgreement(prisma: PrismaClient, id: string, reason: string): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(prisma, id, {
    action: 'revoke',
    from: ['PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED'],
    to: 'REVOKED',
    data: { statusReason: statusReason(reason) },
  });
}
