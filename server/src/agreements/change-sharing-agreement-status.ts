import type { AgreementStatus, Prisma, PrismaClient, SharingAgreement } from '@hub/prisma';
import type { AgreementEvent } from '@hub/schema/change-events';
import type { ChangeActor } from '@hub/schema/context';
import { invalidTransitionError } from './invalid-transition-error.ts';
import { lockSharingAgreement } from './lock-sharing-agreement.ts';
import { notifyAgreementChanged } from './notify-agreement-changed.ts';
import { recordAgreementEvent } from './record-agreement-event.ts';

export interface StatusTransition {
  action: string;
  from: readonly AgreementStatus[];
  to: AgreementStatus;
  /** The typed audit event the step records, with the reason given for it (null when it takes none). */
  event: AgreementEvent['type'];
  /** Kept as the agreement's statusReason too: a step without one clears the last. */
  reason: string | null;
  /** What else the transition records (approver, times). */
  data?: Prisma.SharingAgreementUpdateInput;
  /** A further rule about the locked agreement, thrown as its own error. */
  check?: (agreement: SharingAgreement) => void;
}

/** One step of the life cycle: draft → pending approval → active ⇄ suspended, → revoked (terminal). */
export async function changeSharingAgreementStatus(
  prisma: PrismaClient,
  id: string,
  transition: StatusTransition,
  actor: ChangeActor,
): Promise<SharingAgreement> {
  return prisma.$transaction(async (tx) => {
    const current = await lockSharingAgreement(tx, id);
    if (!transition.from.includes(current.status)) {
      throw invalidTransitionError(transition.action, current.status, transition.from);
    }
    transition.check?.(current);
    const agreement = await tx.sharingAgreement.update({
      where: { id },
      data: {
        ...transition.data,
        status: transition.to,
        statusReason: transition.reason,
        version: { increment: 1 },
      },
    });
    await notifyAgreementChanged(tx, id);
    await recordAgreementEvent(tx, actor, agreement, {
      type: transition.event,
      reason: transition.reason,
      changes: [
        { field: 'status', old: current.status, new: agreement.status },
        ...(agreement.approverId !== current.approverId
          ? [{ field: 'approverId', old: current.approverId, new: agreement.approverId }]
          : []),
      ],
    });
    return agreement;
  });
}
