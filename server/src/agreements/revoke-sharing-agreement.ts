import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { changeReason } from '../audit/change-reason.ts';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

/** Ends an agreement for good: a revoked agreement never grants anything again (write a new one instead). */
export function revokeSharingAgreement(
  prisma: PrismaClient,
  id: string,
  reason: string,
  actor: ChangeActor,
): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(
    prisma,
    id,
    {
      action: 'revoke',
      from: ['PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED'],
      to: 'REVOKED',
      event: 'AGREEMENT_REVOKED',
      reason: changeReason(reason),
    },
    actor,
  );
}
