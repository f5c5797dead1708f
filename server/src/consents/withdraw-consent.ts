import type { Consent, PrismaClient } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';

/** A withdrawn authorisation covers nothing from this moment on; withdrawing it again keeps the first time. */
export async function withdrawConsent(prisma: PrismaClient, id: string, now = new Date()): Promise<Consent> {
  if (isUuid(id)) {
    await prisma.consent.updateMany({ where: { id, withdrawnAt: null }, data: { withdrawnAt: now } });
    const consent = await prisma.consent.findUnique({ where: { id } });
    if (consent) return consent;
  }
  throw notFoundError(`no consent has the id ${id}`);
}
