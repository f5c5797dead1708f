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
    createSharingAgreement: (terms, authorId) => createSharingAgreement(prisma, terms, authorId),
    updateSharingAgreement: (id, terms, expectedVersion) => updateSharingAgreement(prisma, id, terms, expectedVersion),
    submitSharingAgreement: (id) => submitSharingAgreement(prisma, id),
    approveSharingAgreement: (id, approverId) => approveSharingAgreement(prisma, id, approverId),
    returnSharingAgreement: (id, reason) => returnSharingAgreement(prisma, id, reason),
    suspendSharingAgreement: (id, reason) => suspendSharingAgreement(prisma, id, reason),
    resumeSharingAgreement: (id) => resumeSharingAgreement(prisma, id),
    revokeSharingAgreement: (id, reason) => revokeSharingAgreement(prisma, id, reason),
    deleteSharingAgreement: (id, authorId) => deleteSharingAgreement(prisma, id, authorId),
  };
}
