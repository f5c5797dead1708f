import type { PrismaClient } from '@hub/prisma';
import type { ConsentService } from '@hub/schema/context';
import { recordConsent } from './record-consent.ts';
import { withdrawConsent } from './withdraw-consent.ts';

export function createConsentService(prisma: PrismaClient): ConsentService {
  return {
    recordConsent: (input, recordedById) => recordConsent(prisma, input, recordedById),
    withdrawConsent: (id) => withdrawConsent(prisma, id),
  };
}
