import type { AgreementStatus, Prisma, PrismaClient, SharingAgreement } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';
import { invalidTransitionError } from './invalid-transition-error.ts';
import { lockSharingAgreement } from './lock-sharing-agreement.ts';
import { notifyAgreementChanged } from './notify-agreement-changed.ts';

export interface StatusTransition {
  action: string;
  from: readonly AgreementStatus[];
  to: AgreementStatus;
  /** What else the transition records (approver, reason, times). */
  data?: Prisma.SharingAgreementUpdateInput;
  /** A further rule about the locked agreement, thrown as its own error. */
  check?: (agreement: SharingAgreement) => void;
}

/** One step of the life cycle: draft → pending approval → active ⇄ suspended, → revoked (terminal). */
export async function changeSharingAgreementStatus(
  prisma: PrismaClient,
  id: string,
  transition: StatusTransition,
): Promise<SharingAgreement> {
  return prisma.$transaction(async (tx) => {
    const current = await lockSharingAgreement(tx, id);
    if (!transition.from.includes(current.status)) {
      throw invalidTransitionError(transition.action, current.status, transition.from);
    }
    transition.check?.(current);
    const agreement = await tx.sharingAgreement.update({
      where: { id },
      data: { ...transition.data, status: transition.to, version: { increment: 1 } },
    });
    await notifyAgreementChanged(tx, id);
    return agreement;
  });
}

/** The reason a person gives for returning, suspending or revoking: it is shown to whoever reads the agreement next. */
export function statusReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed)
    throw badUserInputError('BLANK_VALUE', 'reason: say why, for whoever reads the agreement next', {
      field: 'reason',
    });
  return trimmed;
}
