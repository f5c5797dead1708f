import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { changeSharingAgreementStatus, statusReason } from './change-sharing-agreement-status.ts';

/** An active agreement stops granting anything until it is resumed. */
export function suspendSharingAgreement(prisma: PrismaClient, id: string, reason: string): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(prisma, id, {
    action: 'suspend',
    from: ['ACTIVE'],
    to: 'SUSPENDED',
    data: { statusReason: statusReason(reason) },
  });
}
