import type { PrismaClient } from '@hub/prisma';
import { maskCitizenId } from '@hub/prisma/identity/citizen-id-number';
import { badUserInputError, conflictError } from '@hub/schema/errors';
import { validIdNumber } from '@hub/schema/persons/id-number-argument';
import { findRegisteredHousehold } from './find-registered-household.ts';
import { requireRegisterEditor } from './require-register-editor.ts';

/**
 * The person is no longer a member from `leftOn` (death, marriage out, moving away). A member loaded before the
 * register kept history gets a membership on record from their birth date, so that earlier runs' composition holds.
 */
export async function endHouseholdMembership(
  prisma: PrismaClient,
  householdId: string,
  member: { idNumber: string; leftOn: Date },
  editorId: string,
): Promise<{ id: string }> {
  const idNumber = validIdNumber(member.idNumber);
  return prisma.$transaction(async (tx) => {
    await requireRegisterEditor(tx, editorId);
    const household = await findRegisteredHousehold(tx, householdId);
    const person = await tx.person.findUnique({ where: { idNumber } });
    const memberships = person ? await tx.householdMembership.findMany({ where: { personId: person.id } }) : [];
    const open = memberships.find((row) => row.householdId === household.id && row.validTo === null);
    const legacy = memberships.length === 0 && person?.householdId === household.id;
    if (!person || (!open && !legacy)) {
      throw conflictError('NOT_A_MEMBER', `${maskCitizenId(idNumber)} is not a member of this household`);
    }
    const validFrom = open?.validFrom ?? person.birthDate;
    if (member.leftOn <= validFrom) {
      throw badUserInputError(
        'INVALID_INPUT',
        `leftOn: the membership began on ${validFrom.toISOString().slice(0, 10)}; it ends after that`,
        { fields: [{ field: 'leftOn', problem: 'BEFORE_MEMBERSHIP', message: 'on or before the day it began' }] },
      );
    }
    if (open) {
      await tx.householdMembership.update({ where: { id: open.id }, data: { validTo: member.leftOn } });
    } else {
      await tx.householdMembership.create({
        data: {
          householdId: household.id,
          personId: person.id,
          relation: person.relation ?? 'OTHER',
          validFrom,
          validTo: member.leftOn,
        },
      });
    }
    await tx.person.update({ where: { id: person.id }, data: { householdId: null, relation: null } });
    return { id: household.id };
  });
}
