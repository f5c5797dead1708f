import type { Prisma, Relation } from '@hub/prisma';
import { maskCitizenId, parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
import { conflictError } from '@hub/schema/errors';

/**
 * Within the caller's transaction: the person (created from the identity number when the hub does not know them)
 * becomes a member of the household from `validFrom`. A person can belong to one household at a time: one who is
 * a member elsewhere on or after that day must first leave it (CONFLICT `MEMBER_OF_ANOTHER_HOUSEHOLD`).
 */
export async function joinHousehold(
  tx: Prisma.TransactionClient,
  householdId: string,
  member: { idNumber: string; name: string; relation: Relation; validFrom: Date },
): Promise<{ personId: string }> {
  const identity = parseCitizenId(member.idNumber);
  const person = await tx.person.upsert({
    where: { idNumber: identity.idNumber },
    create: { idNumber: identity.idNumber, name: member.name, sex: identity.sex, birthDate: identity.birthDate },
    update: { name: member.name },
    select: { id: true, householdId: true },
  });
  // Two edits of one person wait for each other, so that neither sees the other's membership half-written.
  await tx.$executeRaw`SELECT 1 FROM persons WHERE id = ${person.id}::uuid FOR UPDATE`;
  const memberships = await tx.householdMembership.findMany({ where: { personId: person.id } });
  const masked = maskCitizenId(identity.idNumber);
  const open = memberships.find((row) => row.validTo === null || row.validTo > member.validFrom);
  const legacyHousehold = memberships.length === 0 ? person.householdId : null;
  const elsewhere = open?.householdId ?? legacyHousehold;
  if (elsewhere === householdId) {
    throw conflictError('ALREADY_A_MEMBER', `${masked} is already a member of this household`);
  }
  if (elsewhere) {
    throw conflictError(
      'MEMBER_OF_ANOTHER_HOUSEHOLD',
      `${masked} is a member of another household on that day: end that membership first`,
      { householdId: elsewhere },
    );
  }
  await tx.householdMembership.create({
    data: { householdId, personId: person.id, relation: member.relation, validFrom: member.validFrom },
  });
  await tx.person.update({ where: { id: person.id }, data: { householdId, relation: member.relation } });
  return { personId: person.id };
}
