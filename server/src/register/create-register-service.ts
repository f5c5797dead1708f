import type { PrismaClient } from '@hub/prisma';
import type { RegisterService } from '@hub/schema/context';
import { addHouseholdMember } from './add-household-member.ts';
import { endHouseholdMembership } from './end-household-membership.ts';
import { recordAssistanceCase } from './record-assistance-case.ts';
import { registerHousehold } from './register-household.ts';
import { updateAssistanceCase } from './update-assistance-case.ts';
import { updateHousehold } from './update-household.ts';

export function createRegisterService(prisma: PrismaClient): RegisterService {
  return {
    registerHousehold: (input, editorId) => registerHousehold(prisma, input, editorId),
    updateHousehold: (householdId, changes, editorId) => updateHousehold(prisma, householdId, changes, editorId),
    addHouseholdMember: (householdId, member, editorId) => addHouseholdMember(prisma, householdId, member, editorId),
    endHouseholdMembership: (householdId, member, editorId) =>
      endHouseholdMembership(prisma, householdId, member, editorId),
    recordAssistanceCase: (input, editorId) => recordAssistanceCase(prisma, input, editorId),
    updateAssistanceCase: (id, changes, editorId) => updateAssistanceCase(prisma, id, changes, editorId),
  };
}
