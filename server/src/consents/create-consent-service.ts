import type { PrismaClient } from '@hub/prisma';
import type { ConsentService } from '@hub/schema/context';
import { recordConsent } from './record-consent.ts';
import { withdrawConsent } from './withdraw-consent.ts';

export function createConsentService(prisma: PrismaClient): ConsentService {
  return {
    recordConsent: (input, recordedById, actor) => recordConsent(prisma, input, recordedById, actor),
    withdrawConsent: (id, actor) => withdrawConsent(prisma, id, actor),
  };
}
