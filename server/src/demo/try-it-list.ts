import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a try-it person shows: an ordinary resident, a 低保 recipient, or one planted case of the demo manifest. */
export type TryItKind = 'ORDINARY' | 'MINIMUM_LIVING_GUARANTEE' | `PLANTED_${string}`;

export interface TryItPerson {
  kind: TryItKind;
  idNumber: string;
  name: string;
  /** Whether the person signed an authorisation for HOUSING's purpose (consent-bound items answer only then). */
  housingConsent: boolean;
  shows: string;
}

/** `<data-dir>/demo-try-it.json`: real identity numbers of the demo, the same on every fresh start. */
export interface TryItList {
  /** The purpose HOUSING's demo agreements are for, to send as `x-hub-purpose`. */
  purpose: 'HOUSING_SUBSIDY';
  housingDepartmentCode: string;
  /** The comparison date the planted cases are true for. */
  asOf: string;
  persons: TryItPerson[];
}

export const TRY_IT_FILE = 'demo-try-it.json';

export function tryItPath(dataDirectory: string): string {
  return join(dataDirectory, TRY_IT_FILE);
}

export function readTryItList(dataDirectory: string): TryItList {
  const path = tryItPath(dataDirectory);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as TryItList;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`no try-it list at ${path}: start the hub with its demo first (./hub start)`);
    }
    throw error;
  }
}
