import type { PrismaClient } from '@hub/prisma';
import type { RegisterHouseholdInput } from '@hub/schema/context';
import { conflictError } from '@hub/schema/errors';
import { InputProblems } from '@hub/schema/input-problems';
import { checkMembers } from './check-members.ts';
import { joinHousehold } from './join-household.ts';
import { requireRegisterEditor } from './require-register-editor.ts';

/** Registers a household with its members (exactly one head), all from `validFrom`, in one transaction. */
export async function registerHousehold(
  prisma: PrismaClient,
  input: RegisterHouseholdInput,
  editorId: string,
): Promise<{ id: string }> {
  const problems = new InputProblems();
  const address = input.address.trim();
  if (!address) problems.add('address', 'BLANK_VALUE', 'give the household’s address');
  const registerNumber = input.registerNumber?.trim() || null;
  const members = checkMembers(input.members, problems);
  const region = await prisma.region.findUnique({ where: { code: input.regionCode }, select: { code: true } });
  if (!region) problems.add('regionCode', 'UNKNOWN_REGION', `the hub knows no region ${input.regionCode}`);
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    await requireRegisterEditor(tx, editorId);
    if (registerNumber && (await tx.household.findUnique({ where: { registerNumber }, select: { id: true } }))) {
      throw conflictError('CODE_TAKEN', `registerNumber: another household has the number ${registerNumber}`, {
        field: 'registerNumber',
      });
    }
    const household = await tx.household.create({
      data: { regionCode: input.regionCode, areaType: input.areaType, address, registerNumber },
      select: { id: true },
    });
    for (const member of members) {
      await joinHousehold(tx, household.id, { ...member, validFrom: input.validFrom });
    }
    return household;
  });
}
