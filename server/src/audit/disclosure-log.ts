import type { Disclosure, DisclosureLog, DisclosureSubject } from '@hub/schema/context';

// Every field of a list of records decides the same item for the same subject: keep each decision once.
const keyOf = (disclosure: Disclosure) =>
  [
    disclosure.outcome,
    disclosure.itemCode,
    disclosure.subjectPersonId ?? '',
    disclosure.subjectHouseholdId ?? '',
    disclosure.outcome === 'DISCLOSED'
      ? `${disclosure.accessLevel}:${disclosure.agreementIds.join(',')}`
      : disclosure.reason,
  ].join('|');

/** A request's disclosures, each distinct decision once, in the order first made; a touched subject has none yet. */
export function createDisclosureLog(): DisclosureLog {
  const disclosures = new Map<string, Disclosure>();
  const touched: DisclosureSubject[] = [];
  let frozen: Disclosure[] | undefined;
  return {
    record(disclosure) {
      const key = keyOf(disclosure);
      if (disclosures.has(key)) return;
      disclosures.set(key, disclosure);
      frozen = undefined;
    },
    touch(subject) {
      touched.push(subject);
    },
    entries: () => (frozen ??= [...disclosures.values()]),
    touchedSubjects: () => touched,
  };
}
