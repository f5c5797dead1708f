import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { changeReason } from '../audit/change-reason.ts';
import { changeSharingAgreementStatus } from './change-sharing-agreement-status.ts';

/** An active agreement stops granting anything until it is resumed. */
export function suspendSharingAgreement(
  prisma: PrismaClient,
  id: string,
  reason: string,
  actor: ChangeActor,
): Promise<SharingAgreement> {
  return changeSharingAgreementStatus(
    prisma,
    id,
    {
      action: 'suspend',
      from: ['ACTIVE'],
      to: 'SUSPENDED',
      event: 'AGREEMENT_SUSPENDED',
      reason: changeReason(reason),
    },
    actor,
  );
}
