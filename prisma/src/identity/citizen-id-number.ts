// GB 11643: 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type CitizenIdProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export interface CitizenId {
  idNumber: string;
  regionCode: string;
  birthDate: Date;
  sex: 'MALE' | 'FEMALE';
}

export class InvalidCitizenIdError extends Error {
  constructor(
    readonly problem: CitizenIdProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidCitizenIdError';
  }
}

/** The check character for the first 17 digits of an identity number. */
export function citizenIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** Parses an 18-character identity number; a lowercase x is accepted and returned uppercase. Throws on any flaw. */
export function parseCitizenId(input: string): CitizenId {
  const idNumber = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    throw new InvalidCitizenIdError('FORMAT', 'an identity number has 17 digits and a final digit or X');
  }
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birthDate.getUTCFullYear() !== year ||
    birthDate.getUTCMonth() !== month - 1 ||
    birthDate.getUTCDate() !== day
  ) {
    throw new InvalidCitizenIdError(
      'BIRTH_DATE',
      `the birth date ${idNumber.slice(6, 14)} in the identity number is not a real date`,
    );
  }
  if (citizenIdCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw new InvalidCitizenIdError('CHECK_CHARACTER', 'the identity number fails its check character (GB 11643)');
  }
  const sex = Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { idNumber, regionCode: idNumber.slice(0, 6), birthDate, sex };
}

export function isValidCitizenId(input: string): boolean {
  try {
    parseCitizenId(input);
    return true;
  } catch {
    return false;
  }
}

/** Builds a valid identity number; the sequence's parity must match the sex. */
export function composeCitizenId(regionCode: string, birthDate: Date, sequence: number): string {
  const ymd = birthDate.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${regionCode}${ymd}${String(sequence).padStart(3, '0')}`;
  return first17 + citizenIdCheckCharacter(first17);
}

/** 640102********123X: the region and the last four stay, the birth date and sequence go. */
export function maskCitizenId(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
}
