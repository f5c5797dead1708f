import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

export function resumeSharingAgreement(prisma: PrismaClient, id: string): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(prisma, id, {
    action: 'resume',
    from: ['SUSPENDED'],
    to: 'ACTIVE',
    data: { statusReason: null },
  });
}
