import type { PrismaClient, SharingAgreement } from '@hub/prisma';
import type { SharingAgreementTerms } from '@hub/schema/context';
import { conflictError, notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import { checkSharingAgreementTerms } from './check-sharing-agreement-terms.ts';
import { refusingTakenCode } from './code-taken.ts';
import { invalidTransitionError } from './invalid-transition-error.ts';
import { lockSharingAgreement } from './lock-sharing-agreement.ts';
import { notifyAgreementChanged } from './notify-agreement-changed.ts';

/**
 * Replaces a DRAFT's terms and items. `expectedVersion` is the version the editor read: when someone changed the
 * agreement since, the update is refused rather than silently overwriting their change.
 */
export async function updateSharingAgreement(
  prisma: PrismaClient,
  id: string,
  input: SharingAgreementTerms,
  expectedVersion: number,
): Promise<SharingAgreement> {
  if (!isUuid(id)) throw notFoundError(`no sharing agreement has the id ${id}`);
  const { items, ...terms } = await checkSharingAgreementTerms(prisma, input, id);
  return refusingTakenCode(terms.code, () =>
    prisma.$transaction(async (tx) => {
      const current = await lockSharingAgreement(tx, id);
      if (current.status !== 'DRAFT') throw invalidTransitionError('update', current.status, ['DRAFT']);
      if (current.version !== expectedVersion) {
        throw conflictError(
          'STALE_VERSION',
          `the agreement changed since you read it (version ${expectedVersion}, now ${current.version}): reload and edit again`,
          { expectedVersion, currentVersion: current.version },
        );
      }
      await tx.sharingAgreementItem.deleteMany({ where: { agreementId: id } });
      const agreement = await tx.sharingAgreement.update({
        where: { id },
        data: {
          ...terms,
          purposes: [...terms.purposes],
          version: { increment: 1 },
          items: { create: items.map(({ dataItemCode, accessLevel }) => ({ itemCode: dataItemCode, accessLevel })) },
        },
      });
      await notifyAgreementChanged(tx, id);
      return agreement;
    }),
  );
}
