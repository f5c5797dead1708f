import { InvalidCitizenIdError, parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
import type { RegisterMemberInput } from '@hub/schema/context';
import type { InputProblems } from '@hub/schema/input-problems';

/**
 * A household's member list as the register requires it: at least one member, exactly one head, every identity
 * number valid (GB 11643) and listed once, every name given. Adds a problem per field; returns the members normalised.
 */
export function checkMembers(members: readonly RegisterMemberInput[], problems: InputProblems): RegisterMemberInput[] {
  if (!members.length) problems.add('members', 'NO_MEMBERS', 'a household has at least one member');
  const heads = members.filter((member) => member.relation === 'HEAD').length;
  if (members.length && heads !== 1) {
    problems.add('members', 'ONE_HEAD_REQUIRED', `a household has exactly one head (HEAD); this list has ${heads}`);
  }
  const seen = new Set<string>();
  return members.map((member, index) => {
    const name = member.name.trim();
    if (!name) problems.add(`members[${index}].name`, 'BLANK_VALUE', 'give the member’s name');
    let idNumber = member.idNumber.trim().toUpperCase();
    try {
      idNumber = parseCitizenId(member.idNumber).idNumber;
      if (seen.has(idNumber)) {
        problems.add(`members[${index}].idNumber`, 'DUPLICATE_MEMBER', 'the list names this person twice');
      }
      seen.add(idNumber);
    } catch (error) {
      if (!(error instanceof InvalidCitizenIdError)) throw error;
      problems.add(`members[${index}].idNumber`, `INVALID_ID_${error.problem}`, error.message);
    }
    return { idNumber, name, relation: member.relation };
  });
}
