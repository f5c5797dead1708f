import type { Disclosure, DisclosureLog } from '@hub/schema/context';

/** A request's disclosures, in the order the permission engine decided them. */
export function createDisclosureLog(): DisclosureLog {
  const disclosures: Disclosure[] = [];
  const subjects = new Set<string>();
  return {
    record(disclosure) {
      disclosures.push(disclosure);
      if (disclosure.subjectPersonId) subjects.add(disclosure.subjectPersonId);
    },
    touch(subjectPersonId) {
      subjects.add(subjectPersonId);
    },
    entries: () => disclosures,
    subjects: () => subjects,
  };
}
