import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { SharingAgreementTerms } from '@hub/schema/context';
import { checkSharingAgreementTerms } from './check-sharing-agreement-terms.ts';
import { refusingTakenCode } from './code-taken.ts';
import { notifyAgreementChanged } from './notify-agreement-changed.ts';

/** A new agreement in DRAFT, written by the viewer; nobody may rely on it until another administrator approves it. */
export async function createSharingAgreement(
  prisma: PrismaClient,
  input: SharingAgreementTerms,
  authorId: string,
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
      return agreement;
    }),
  );
}
