import type { AccessDecider, DenialReason, DisclosureLog } from '../context.ts';
import { RECORD_LEVELS } from './access-levels.ts';
import { householdSubject, personSubject } from './annotations.ts';
import { evidenceItem } from './evidence-item.ts';

/** A record a comparison flag rests on, as the engine stored it, with the household whose result it is. */
export interface EvidenceRecord {
  dataset: string;
  departmentId: string | null;
  personId: string | null;
  householdId: string;
  facts: unknown;
}

/** A value the reader may not see, named by its data item. */
export interface WithheldValue {
  withheld: string;
}

export type EvidenceFacts =
  | { shown: true; facts: Record<string, unknown> }
  | { shown: false; item: string; reason: DenialReason };

const factsOf = (facts: unknown): Record<string, unknown> =>
  facts && typeof facts === 'object' ? (facts as Record<string, unknown>) : {};

// At MASKED a record's amounts are shown but not its words: a plate, an address or an employer's name identifies.
const numbersOnly = (facts: Record<string, unknown>, item: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(facts).map(([name, value]) => [name, typeof value === 'string' ? { withheld: item } : value]),
  );

/**
 * What a reader may see of the facts behind a flag, the same in the graph, the 核对报告 and the exports: a record's
 * values need its data item at FULL (all of them) or MASKED (amounts only), from that record's provider and, for a
 * consent-bound item, under the subject's authorisation. Each decision goes to the request's audit log.
 */
export async function withholdEvidenceFacts(
  access: AccessDecider,
  disclosures: DisclosureLog,
  evidence: EvidenceRecord,
): Promise<EvidenceFacts> {
  const item = evidenceItem(evidence.dataset);
  const subject = evidence.personId ? personSubject(evidence.personId) : householdSubject(evidence.householdId);
  const decision = await access.decide(item, subject, evidence.departmentId);
  if (decision.level === null || !RECORD_LEVELS.includes(decision.level)) {
    const reason = decision.level === null ? decision.reason : 'INSUFFICIENT_ACCESS_LEVEL';
    disclosures.record({ ...subject, outcome: 'DENIED', itemCode: item, reason });
    return { shown: false, item, reason };
  }
  disclosures.record({
    ...subject,
    outcome: 'DISCLOSED',
    itemCode: item,
    accessLevel: decision.level,
    agreementIds: decision.agreementIds,
  });
  const facts = factsOf(evidence.facts);
  return { shown: true, facts: decision.level === 'FULL' ? facts : numbersOnly(facts, item) };
}
