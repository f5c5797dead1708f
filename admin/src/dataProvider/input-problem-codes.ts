/**
 * The hub's codes for a problem with one input (`extensions.fields[].problem`) that the portal translates under
 * hub.input_problem.<CODE>; any other code reads as OTHER. The hub's own sentence is English, for API callers.
 */
export const INPUT_PROBLEM_CODES = [
  'MISSING_VALUE',
  'BLANK_VALUE',
  'INVALID_VALUE',
  'INVALID_DATE',
  'INVALID_AMOUNT',
  'NEGATIVE_AMOUNT',
  'INVALID_ID_NUMBER',
  'NO_MEMBERS',
  'ONE_HEAD_REQUIRED',
  'DUPLICATE_MEMBER',
  'NOT_A_MEMBER',
  'NOT_TEMPORARY_ASSISTANCE',
  'TOO_LARGE',
  'AFTER_SUBMISSION',
  'AUTHORISATION_NOT_SIGNED',
  'DUPLICATE_REFERENCE',
  'MEMBER_OF_ANOTHER_HOUSEHOLD',
  'OUTSIDE_REACH',
  'UNKNOWN_REGION',
  'BEFORE_MEMBERSHIP',
  'BEFORE_START',
] as const;

/** The translation key of a problem's code. */
export function inputProblemMessage(code: string): string {
  return `hub.input_problem.${(INPUT_PROBLEM_CODES as readonly string[]).includes(code) ? code : 'OTHER'}`;
}
