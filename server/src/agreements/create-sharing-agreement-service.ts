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

export function createSharingAgreementService(prisma: PrismaClient): SharingAgreementService {
  return {
    createSharingAgreement: (terms, authorId, actor) => createSharingAgreement(prisma, terms, authorId, actor),
    updateSharingAgreement: (id, terms, expectedVersion) => updateSharingAgreement(prisma, id, terms, expectedVersion),
    submitSharingAgreement: (id, actor) => submitSharingAgreement(prisma, id, actor),
    approveSharingAgreement: (id, approverId, actor) => approveSharingAgreement(prisma, id, approverId, actor),
    returnSharingAgreement: (id, reason, actor) => returnSharingAgreement(prisma, id, reason, actor),
    suspendSharingAgreement: (id, reason, actor) => suspendSharingAgreement(prisma, id, reason, actor),
    resumeSharingAgreement: (id, actor) => resumeSharingAgreement(prisma, id, actor),
    revokeSharingAgreement: (id, reason, actor) => revokeSharingAgreement(prisma, id, reason, actor),
    deleteSharingAgreement: (id, authorId) => deleteSharingAgreement(prisma, id, authorId),
  };
}
