import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { changeReason } from '../audit/change-reason.ts';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

/** The approver sends a submitted agreement back to its author as a draft, saying what to change. */
export function returnSharingAgreement(
  prisma: PrismaClient,
  id: string,
  reason: string,
  actor: ChangeActor,
): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(
    prisma,
    id,
    {
      action: 'return',
      from: ['PENDING_APPROVAL'],
      to: 'DRAFT',
      event: 'AGREEMENT_RETURNED',
      reason: changeReason(reason),
      data: { submittedAt: null },
    },
    actor,
  );
}
