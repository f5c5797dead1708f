import { InvalidCitizenIdError, parseCitizenId } from '@hub/prisma/identity/citizen-id-number';
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
