import { randomInt } from 'node:crypto';
import { composeCitizenId } from '@hub/prisma/identity/citizen-id-number';

let counter = randomInt(1000, 9000) * 100;

/** A number no other call in this process has returned: factories build unique values from it. */
export function uniqueNumber(): number {
  counter += 1;
  return counter;
}

/** A valid identity number that no other call returns; odd sequences are men. */
export function uniqueIdNumber(
  options: { regionCode?: string; sex?: 'MALE' | 'FEMALE'; birthYear?: number; birthDate?: string } = {},
) {
  const n = uniqueNumber();
  const birthDate = options.birthDate
    ? new Date(`${options.birthDate}T00:00:00Z`)
    : new Date(Date.UTC(options.birthYear ?? 1960 + (n % 40), 0, 1 + (n % 365)));
  const sequence = ((n % 499) * 2 + (options.sex === 'FEMALE' ? 2 : 1)) % 1000;
  return { idNumber: composeCitizenId(options.regionCode ?? '640104', birthDate, sequence), birthDate };
}
