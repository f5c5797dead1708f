import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { changeSharingAgreementStatus, statusReason } from './change-sharing-agreement-status.ts';

/** The approver sends a submitted agreement back to its author as a draft, saying what to change. */
export function returnSharingAgreement(prisma: PrismaClient, id: string, reason: string): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(prisma, id, {
    action: 'return',
    from: ['PENDING_APPROVAL'],
    to: 'DRAFT',
    data: { statusReason: statusReason(reason), submittedAt: null },
  });
}
