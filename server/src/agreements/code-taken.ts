import { Prisma } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';

/** Two writers racing for one code: the unique index refuses the second with the same answer the check gives. */
export async function refusingTakenCode<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw badUserInputError('CODE_TAKEN', `code: another sharing agreement already has the code ${code}`, {
        agreementCode: code,
      });
    }
    throw error;
  }
}
