import { Prisma, type PrismaClient, type User } from '@hub/prisma';
import { fieldChanges } from '@hub/schema/change-events';
import type { ChangeActor, NewUser } from '@hub/schema/context';
import { badUserInputError, conflictError } from '@hub/schema/errors';
import { recordChangeEvent } from '../audit/record-change-event.ts';
import { findDepartmentForInput } from '../departments/find-department-for-input.ts';
import { hashPassword } from './hash-password.ts';
import { checkPasswordPolicy } from './password-policy.ts';

const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

/** A new user who logs in with the password given; the hub keeps only its argon2id hash. */
export async function createUser(prisma: PrismaClient, input: NewUser, actor: ChangeActor): Promise<User> {
  const username = input.username.trim();
  if (!USERNAME_PATTERN.test(username)) {
    throw badUserInputError(
      'INVALID_CODE',
      'username: use 3–32 lower-case letters, digits, dots, dashes or underscores, starting with a letter',
      { field: 'username' },
    );
  }
  const displayName = input.displayName.trim();
  if (!displayName)
    throw badUserInputError('BLANK_VALUE', 'displayName: give the user a name', { field: 'displayName' });
  checkPasswordPolicy(input.password, { username, displayName });
  const department = await findDepartmentForInput(prisma, input.departmentId, 'departmentId');
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username, displayName, passwordHash, role: input.role, departmentId: department.id },
      });
      await recordChangeEvent(tx, actor, {
        type: 'USER_CREATED',
        reason: null,
        userId: user.id,
        username,
        changes: fieldChanges(null, { username, displayName, role: user.role, departmentId: user.departmentId }),
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflictError('CODE_TAKEN', `username: another user already has the username ${username}`, {
        field: 'username',
      });
    }
    throw error;
  }
}
