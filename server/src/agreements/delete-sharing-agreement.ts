import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import { forbiddenError } from '@hub/schema/errors';
import { invalidTransitionError } from './invalid-transition-error.ts';
import { lockSharingAgreement } from './lock-sharing-agreement.ts';
import { notifyAgreementChanged } from './notify-agreement-changed.ts';

/**
 * Deletes a DRAFT, by its author only. A draft never granted anything, so nothing in the audit trail names it;
 * an agreement once submitted stays on record and is revoked instead.
 */
export async function deleteSharingAgreement(
  prisma: PrismaClient,
  id: string,
  authorId: string,
): Promise<SharingAgreement> {
  return prisma.$transaction(async (tx) => {
    const agreement = await lockSharingAgreement(tx, id);
    if (agreement.status !== 'DRAFT') throw invalidTransitionError('delete', agreement.status, ['DRAFT']);
    if (agreement.authorId !== authorId) {
      throw forbiddenError('only its author can delete a draft; ask them, or leave it in DRAFT');
    }
    await tx.sharingAgreement.delete({ where: { id } });
    await notifyAgreementChanged(tx, id);
    return agreement;
  });
}
