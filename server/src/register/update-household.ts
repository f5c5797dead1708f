import type { PrismaClient } from '@hub/prisma';
import type { HouseholdChanges } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { InputProblems } from '@hub/schema/input-problems';
import { findRegisteredHousehold } from './find-registered-household.ts';
import { requireRegisterEditor } from './require-register-editor.ts';

/**
 * Corrects a household's region, area type, address or 户编号 (a move is a region and address of its own); its
 * members and cases stay. An absent field stays as it is; bad input changes nothing.
 */
export async function updateHousehold(
  prisma: PrismaClient,
  householdId: string,
  changes: HouseholdChanges,
  editorId: string,
): Promise<{ id: string }> {
  const problems = new InputProblems();
  const address = changes.address?.trim();
  if (changes.address != null && !address) problems.add('address', 'BLANK_VALUE', 'give the household’s address');
  if (changes.regionCode != null) {
    const region = await prisma.region.findUnique({ where: { code: changes.regionCode }, select: { code: true } });
    if (!region) problems.add('regionCode', 'UNKNOWN_REGION', `the hub knows no region ${changes.regionCode}`);
  }
  problems.throwIfAny();
  const registerNumber = changes.registerNumber === undefined ? undefined : changes.registerNumber?.trim() || null;
  return prisma.$transaction(async (tx) => {
    await requireRegisterEditor(tx, editorId);
    const household = await findRegisteredHousehold(tx, householdId);
    if (registerNumber) {
      const holder = await tx.household.findUnique({ where: { registerNumber }, select: { id: true } });
      if (holder && holder.id !== household.id) {
        throw conflictError('CODE_TAKEN', `registerNumber: another household has the number ${registerNumber}`, {
          field: 'registerNumber',
        });
      }
    }
    await tx.household.update({
      where: { id: household.id },
      data: {
        regionCode: changes.regionCode ?? undefined,
        areaType: changes.areaType ?? undefined,
        address: address || undefined,
        registerNumber,
      },
    });
    return { id: household.id };
  });
}
