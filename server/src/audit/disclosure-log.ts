import type { Disclosure, DisclosureLog, DisclosureSubject } from '@hub/schema/context';

/** A request's disclosures, in the order the permission engine decided them; a touched subject has none yet. */
export function createDisclosureLog(): DisclosureLog {
  const disclosures: Disclosure[] = [];
  const touched: DisclosureSubject[] = [];
  return {
    record(disclosure) {
      disclosures.push(disclosure);
    },
    touch(subject) {
      touched.push(subject);
    },
    entries: () => disclosures,
    touchedSubjects: () => touched,
  };
}
