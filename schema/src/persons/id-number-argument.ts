import { InvalidCitizenIdError, parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
import type { Context, DisclosureSubject } from '../context.ts';
import { personSubject } from '../disclosure/annotations.ts';
import { badUserInputError } from '../errors.ts';

/** An identity-number argument, normalised; a number that fails GB 11643 is bad input, never a silent miss. */
export function validIdNumber(input: string): string {
  try {
    return parseCitizenId(input).idNumber;
  } catch (error) {
    if (!(error instanceof InvalidCitizenIdError)) throw error;
    throw badUserInputError('INVALID_ID_NUMBER', `invalid identity number: ${error.message}`, {
      problem: error.problem,
    });
  }
}

/** The person with this number as an audit subject, or null when the hub holds none: who tried to look at them. */
export async function personWithIdNumber(context: Context, idNumber: string): Promise<DisclosureSubject | null> {
  const person = await context.prisma.person.findUnique({ where: { idNumber }, select: { id: true } });
  return person ? personSubject(person.id) : null;
}
