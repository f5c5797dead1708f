import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

/** Four eyes: an agreement takes effect only when an administrator other than its author approves it. */
export function approveSharingAgreement(
  prisma: PrismaClient,
  id: string,
  approverId: string,
  actor: ChangeActor,
  now = new Date(),
): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(
    prisma,
    id,
    {
      action: 'approve',
      from: ['PENDING_APPROVAL'],
      to: 'ACTIVE',
      event: 'AGREEMENT_APPROVED',
      reason: null,
      data: { approver: { connect: { id: approverId } }, approvedAt: now },
      check: (agreement) => {
        if (agreement.authorId === approverId) {
          throw conflictError('SELF_APPROVAL', 'you wrote this agreement: another administrator must approve it');
        }
      },
    },
    actor,
  );
}
