import type { Consent, PrismaClient } from '@hub/prisma';
import { fieldChanges } from '@hub/schema/change-events';
import type { ChangeActor, RecordConsentInput } from '@hub/schema/context';
import { badUserInputError, notFoundError } from '@hub/schema/errors';
import { validIdNumber } from '@hub/schema/persons/id-number-argument';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findDepartmentForInput } from '../departments/find-department-for-input.ts';

/** Files a signed authorisation (授权书) for one person: the purposes, optionally one consumer department, and its dates. */
export async function recordConsent(
  prisma: PrismaClient,
  input: RecordConsentInput,
  recordedById: string,
  actor: ChangeActor,
): Promise<Consent> {
  const idNumber = validIdNumber(input.personIdNumber);
  if (!input.purposes.length) throw badUserInputError('NO_PURPOSES', 'purposes: name at least one purpose');
  if (input.signedOn > input.expiresOn) {
    throw badUserInputError('INVALID_VALIDITY_WINDOW', 'expiresOn must be on or after signedOn');
  }
  const documentReference = input.documentReference.trim();
  if (!documentReference) {
    throw badUserInputError('BLANK_VALUE', 'documentReference: say where the signed authorisation is filed', {
      field: 'documentReference',
    });
  }
  const department = input.departmentId
    ? await findDepartmentForInput(prisma, input.departmentId, 'departmentId')
    : null;
  const person = await prisma.person.findUnique({ where: { idNumber }, select: { id: true } });
  if (!person) throw notFoundError(`the hub knows no person with the identity number ${idNumber}`);
  return prisma.$transaction(async (tx) => {
    const consent = await tx.consent.create({
      data: {
        personId: person.id,
        purposes: [...new Set(input.purposes)],
        departmentId: department?.id ?? null,
        signedOn: input.signedOn,
        expiresOn: input.expiresOn,
        documentReference,
        recordedById,
      },
    });
    await recordChangeEvent(tx, actor, {
      type: 'CONSENT_RECORDED',
      reason: null,
      consentId: consent.id,
      personId: person.id,
      changes: fieldChanges(null, {
        purposes: consent.purposes,
        departmentId: consent.departmentId,
        signedOn: consent.signedOn.toISOString().slice(0, 10),
        expiresOn: consent.expiresOn.toISOString().slice(0, 10),
        documentReference,
      }),
    });
    return consent;
  });
}
