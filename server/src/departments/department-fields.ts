import { badUserInputError } from '@hub/schema/errors';

// A code is what other systems and the demo's seed files name a department by: HOUSING_640100, BANK_ICBC_640100.
const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;

/** A department's code as given, or BAD_USER_INPUT `INVALID_CODE` saying what a code looks like. */
export function validDepartmentCode(code: string): string {
  if (!CODE_PATTERN.test(code)) {
    throw badUserInputError(
      'INVALID_CODE',
      `code: "${code}" is not a department code; use 2–64 capital letters, digits and underscores starting with a letter, e.g. HOUSING_640100`,
      { field: 'code' },
    );
  }
  return code;
}

/** A department's name, trimmed; a blank one is BAD_USER_INPUT `BLANK_VALUE`. */
export function validDepartmentName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badUserInputError('BLANK_VALUE', 'name: give the department a name', { field: 'name' });
  return trimmed;
}
