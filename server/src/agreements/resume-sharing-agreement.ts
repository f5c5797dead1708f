import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

export function resumeSharingAgreement(
  prisma: PrismaClient,
  id: string,
  actor: ChangeActor,
): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(
    prisma,
    id,
    {
      action: 'resume',
      from: ['SUSPENDED'],
      to: 'ACTIVE',
      event: 'AGREEMENT_RESUMED',
      reason: null,
    },
    actor,
  );
}
