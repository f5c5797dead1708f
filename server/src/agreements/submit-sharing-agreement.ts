import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

/** A finished draft goes to another administrator for approval; it can no longer be edited unless returned. */
export function submitSharingAgreement(
  prisma: PrismaClient,
  id: string,
  actor: ChangeActor,
  now = new Date(),
): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(
    prisma,
    id,
    {
      action: 'submit',
      from: ['DRAFT'],
      to: 'PENDING_APPROVAL',
      event: 'AGREEMENT_SUBMITTED',
      reason: null,
      data: { submittedAt: now },
    },
    actor,
  );
}
