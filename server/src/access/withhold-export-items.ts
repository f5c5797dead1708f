import type { AccessDecider, DisclosureLog } from '@hub/schema/context';
import { RECORD_LEVELS } from '@hub/schema/disclosure/access-levels';

const NOBODY = { subjectPersonId: null, subjectHouseholdId: null };

/**
 * The items of an export's columns the caller may not see, as the graph decides them (a value or a masked
 * identifier needs FULL or MASKED). Spine items need no consent, so one decision holds for every row. Each refusal
 * goes to the request's audit log.
 */
export async function withholdExportItems(
  access: AccessDecider,
  disclosures: DisclosureLog,
  items: readonly string[],
): Promise<ReadonlySet<string>> {
  const withheld = new Set<string>();
  for (const item of new Set(items)) {
    const decision = await access.decide(item, NOBODY, null);
    if (decision.level !== null && RECORD_LEVELS.includes(decision.level)) continue;
    const reason = decision.level === null ? decision.reason : 'INSUFFICIENT_ACCESS_LEVEL';
    disclosures.record({ ...NOBODY, outcome: 'DENIED', itemCode: item, reason });
    withheld.add(item);
  }
  return withheld;
}
