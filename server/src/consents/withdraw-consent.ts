import type { Consent, PrismaClient } from '@hub/prisma';
import type { ChangeActor } from '@hub/schema/context';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';
import { recordChangeEvent } from '../audit/record-change-event.ts';

/** A withdrawn authorisation covers nothing from this moment on; withdrawing it again keeps the first time. */
export async function withdrawConsent(
  prisma: PrismaClient,
  id: string,
  actor: ChangeActor,
  now = new Date(),
): Promise<Consent> {
  const consent = isUuid(id)
    ? await prisma.$transaction(async (tx) => {
        const { count } = await tx.consent.updateMany({ where: { id, withdrawnAt: null }, data: { withdrawnAt: now } });
        const withdrawn = await tx.consent.findUnique({ where: { id } });
        if (withdrawn && count === 1) {
          await recordChangeEvent(tx, actor, {
            type: 'CONSENT_WITHDRAWN',
            reason: null,
            consentId: id,
            personId: withdrawn.personId,
            changes: [{ field: 'withdrawnAt', old: null, new: now.toISOString() }],
          });
        }
        return withdrawn;
      })
    : null;
  if (!consent) throw notFoundError(`no consent has the id ${id}`);
  return consent;
}
