import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { fieldChanges } from '@hub/schema/change-events';
import type { ChangeActor, SharingAgreementTerms } from '@hub/schema/context';
import { checkSharingAgreementTerms } from './check-sharing-agreement-terms.ts';
import { refusingTakenCode } from './code-taken.ts';
import { notifyAgreementChanged } from './notify-agreement-changed.ts';
import { recordAgreementEvent } from './record-agreement-event.ts';

/** A new agreement in DRAFT, written by the viewer; nobody may rely on it until another administrator approves it. */
export async function createSharingAgreement(
  prisma: PrismaClient,
  input: SharingAgreementTerms,
  authorId: string,
  actor: ChangeActor,
): Promise<SharingAgreement> {
  const { items, ...terms } = await checkSharingAgreementTerms(prisma, input);
  return refusingTakenCode(terms.code, () =>
    prisma.$transaction(async (tx) => {
      const agreement = await tx.sharingAgreement.create({
        data: {
          ...terms,
          purposes: [...terms.purposes],
          authorId,
          items: { create: items.map(({ dataItemCode, accessLevel }) => ({ itemCode: dataItemCode, accessLevel })) },
        },
      });
      await notifyAgreementChanged(tx, agreement.id);
      await recordAgreementEvent(tx, actor, agreement, {
        type: 'AGREEMENT_CREATED',
        reason: null,
        changes: fieldChanges(null, {
          status: agreement.status,
          code: agreement.code,
          title: agreement.title,
          providerDepartmentId: agreement.providerDepartmentId,
          consumerDepartmentId: agreement.consumerDepartmentId,
          purposes: agreement.purposes,
          validFrom: agreement.validFrom.toISOString().slice(0, 10),
          validUntil: agreement.validUntil.toISOString().slice(0, 10),
          dailyQueryQuota: agreement.dailyQueryQuota,
        }),
      });
      return agreement;
    }),
  );
}
