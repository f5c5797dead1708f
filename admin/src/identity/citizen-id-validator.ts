import { InvalidCitizenIdError, parseCitizenId } from '../../../prisma/src/identity/citizen-id-number.ts';

const MESSAGES = {
  FORMAT: 'hub.validation.id_number',
  BIRTH_DATE: 'hub.validation.id_birth_date',
  CHECK_CHARACTER: 'hub.validation.id_check_character',
} as const;

/**
 * A react-admin validator for an identity number (GB 11643), with the hub's own parser: the format, a real birth
 * date and the check character, so a mistyped digit is caught before the form is sent. Empty passes (required()
 * says that).
 */
export function citizenId(value: unknown): string | undefined {
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  try {
    parseCitizenId(text);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidCitizenIdError) return MESSAGES[error.problem];
    throw error;
  }
}
