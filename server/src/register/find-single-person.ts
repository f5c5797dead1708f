import type { Prisma } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';
import { validIdNumber } from '@hub/schema/persons/id-number-argument';

/**
 * 单人户: a severely disabled or critically ill member enrolled alone must be a member of the household on the day
 * the case starts. Returns the person's id, or null for a case of the whole household.
 */
export async function findSinglePerson(
  tx: Prisma.TransactionClient,
  householdId: string,
  idNumber: string | null,
  onDay: Date,
): Promise<string | null> {
  if (!idNumber) return null;
  const person = await tx.person.findUnique({
    where: { idNumber: validIdNumber(idNumber) },
    select: {
      id: true,
      householdId: true,
      memberships: { select: { householdId: true, validFrom: true, validTo: true } },
    },
  });
  const isMember = person?.memberships.length
    ? person.memberships.some(
        (row) => row.householdId === householdId && row.validFrom <= onDay && (!row.validTo || row.validTo > onDay),
      )
    : person?.householdId === householdId;
  if (!person || !isMember) {
    throw badUserInputError(
      'INVALID_INPUT',
      'singlePersonIdNumber: names no member of the household on the start day',
      {
        fields: [{ field: 'singlePersonIdNumber', problem: 'NOT_A_MEMBER', message: 'not a member on the start day' }],
      },
    );
  }
  return person.id;
}
