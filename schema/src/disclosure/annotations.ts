import type { DisclosureSubject } from '../context.ts';

// How each field of the graph discloses its data item. The type names the item its fields belong to and whom and
// whose records they are about; a field says how much of the item it needs. enforce-disclosure.ts reads these.

export type MaskName = 'ID_NUMBER' | 'NAME' | 'PHONE' | 'ACCOUNT' | 'PLATE' | 'ADDRESS';

export type DisclosedField =
  /** Says nothing about the subject by itself (record ids, provenance, links to other subjects). */
  | { kind: 'METADATA' }
  /** A value: shown at FULL and MASKED, never at DERIVED. */
  | { kind: 'VALUE'; item?: string }
  /** Identifies someone: in clear at FULL, masked at MASKED (refused there when it has no mask). */
  | { kind: 'IDENTIFIER'; item?: string; mask: MaskName | null }
  /** A computed fact ("owns a vehicle"): shown at any level, DERIVED included. */
  | { kind: 'FACT'; items?: readonly string[] }
  /** A list of the subject's records of an item: needs FULL or MASKED, and shows only permitted providers' records. */
  | { kind: 'RECORDS'; item: string };

export interface DisclosedType<Parent = never> {
  item: string;
  subject(parent: Parent): DisclosureSubject;
  /** The department whose record this is; null for the hub's own spine (persons, households, assistance). */
  provider(parent: Parent): string | null;
}

export const metadata = { disclosure: { kind: 'METADATA' } satisfies DisclosedField };

export const value = (item?: string) => ({ disclosure: { kind: 'VALUE', item } satisfies DisclosedField });

export const identifier = (mask: MaskName | null, item?: string) => ({
  disclosure: { kind: 'IDENTIFIER', mask, item } satisfies DisclosedField,
});

export const fact = (...items: string[]) => ({
  disclosure: { kind: 'FACT', items: items.length ? items : undefined } satisfies DisclosedField,
});

export const records = (item: string) => ({ disclosure: { kind: 'RECORDS', item } satisfies DisclosedField });

export const personSubject = (personId: string): DisclosureSubject => ({
  subjectPersonId: personId,
  subjectHouseholdId: null,
});

export const householdSubject = (householdId: string): DisclosureSubject => ({
  subjectPersonId: null,
  subjectHouseholdId: householdId,
});

/** A department record: about the person it names, delivered by the department that holds it. */
export function departmentRecord(item: string) {
  const disclosure: DisclosedType<{ personId: string; departmentId: string }> = {
    item,
    subject: (record) => personSubject(record.personId),
    provider: (record) => record.departmentId,
  };
  return { disclosure };
}

export function disclosedType<Parent>(disclosure: DisclosedType<Parent>) {
  return { disclosure };
}
