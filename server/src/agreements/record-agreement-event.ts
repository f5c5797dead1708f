import type { Prisma, SharingAgreement } from '@hub/prisma';
import type { AgreementEvent, FieldChange } from '@hub/schema/change-events';
import type { ChangeActor } from '@hub/schema/context';
import { recordChangeEvent } from '../audit/record-change-event.ts';

/** The agreement's event with its field matrix as it stands in the transaction, recorded in that transaction. */
export async function recordAgreementEvent(
  tx: Prisma.TransactionClient,
  actor: ChangeActor,
  agreement: SharingAgreement,
  event: { type: AgreementEvent['type']; reason: string | null; changes: FieldChange[] },
): Promise<void> {
  const items = await tx.sharingAgreementItem.findMany({
    where: { agreementId: agreement.id },
    select: { itemCode: true, accessLevel: true },
    orderBy: { itemCode: 'asc' },
  });
  await recordChangeEvent(tx, actor, { ...event, agreementId: agreement.id, code: agreement.code, matrix: items });
}
