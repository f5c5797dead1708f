import type { PrismaClient } from '@hub/prisma';
import type { SharingAgreementService } from '@hub/schema/context';
import { approveSharingAgreement } from './approve-sharing-agreement.ts';
import { createSharingAgreement } from './create-sharing-agreement.ts';
import { deleteSharingAgreement } from './delete-sharing-agreement.ts';
import { resumeSharingAgreement } from './resume-sharing-agreement.ts';
import { returnSharingAgreement } from './return-sharing-agreement.ts';
import { revokeSharingAgreement } from './revoke-sharing-agreement.ts';
import { submitSharingAgreement } from './submit-sharing-agreement.ts';
import { suspendSharingAgreement } from './suspend-sharing-agreement.ts';
import { updateSharingAgreement } from './update-sharing-agreement.ts';

/**
 * The agreement operations; `changed` runs after each one settles (committed or refused), so that this instance's
 * grant cache never answers a request with the agreements as they were before a change it made itself.
 */
export function createSharingAgreementService(
  prisma: PrismaClient,
  changed: () => void = () => {},
): SharingAgreementService {
  const then = <T>(work: Promise<T>) => work.finally(changed);
  return {
    createSharingAgreement: (terms, authorId, actor) => then(createSharingAgreement(prisma, terms, authorId, actor)),
    updateSharingAgreement: (id, terms, expectedVersion) =>
      then(updateSharingAgreement(prisma, id, terms, expectedVersion)),
    submitSharingAgreement: (id, actor) => then(submitSharingAgreement(prisma, id, actor)),
    approveSharingAgreement: (id, approverId, actor) => then(approveSharingAgreement(prisma, id, approverId, actor)),
    returnSharingAgreement: (id, reason, actor) => then(returnSharingAgreement(prisma, id, reason, actor)),
    suspendSharingAgreement: (id, reason, actor) => then(suspendSharingAgreement(prisma, id, reason, actor)),
    resumeSharingAgreement: (id, actor) => then(resumeSharingAgreement(prisma, id, actor)),
    revokeSharingAgreement: (id, reason, actor) => then(revokeSharingAgreement(prisma, id, reason, actor)),
    deleteSharingAgreement: (id, authorId) => then(deleteSharingAgreement(prisma, id, authorId)),
  };
}
