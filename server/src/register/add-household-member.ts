import type { PrismaClient } from '@hub/prisma';
import type { RegisterMemberInput } from '@hub/schema/context';
import { InputProblems } from '@hub/schema/input-problems';
import { checkMembers } from './check-members.ts';
import { findRegisteredHousehold } from './find-registered-household.ts';
import { joinHousehold } from './join-household.ts';
import { requireRegisterEditor } from './require-register-editor.ts';

/** A person joins a household from `joinedOn` (birth, marriage, moving in); the earlier composition stays on record. */
export async function addHouseholdMember(
  prisma: PrismaClient,
  householdId: string,
  member: RegisterMemberInput & { joinedOn: Date },
  editorId: string,
): Promise<{ id: string }> {
  const problems = new InputProblems();
  const [checked] = checkMembers([{ ...member, relation: 'HEAD' }], problems);
  if (member.relation === 'HEAD') {
    problems.add('relation', 'ONE_HEAD_REQUIRED', 'the household has its head: add the member with their relation');
  }
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    await requireRegisterEditor(tx, editorId);
    const household = await findRegisteredHousehold(tx, householdId);
    await joinHousehold(tx, household.id, {
      ...(checked as RegisterMemberInput),
      relation: member.relation,
      validFrom: member.joinedOn,
    });
    return household;
  });
}
