import { householdHeadName } from '../households/HeadNameField.tsx';

/** What a finding, a diff row or an audit entry asks about its household: what a reader recognises it by. */
export const HOUSEHOLD_SUMMARY = 'id address region { name } members { name relation }';

export interface HouseholdSummary {
  id: string | null;
  address: string | null;
  region: { name: string } | null;
  members: { name: string | null; relation: string | null }[] | null;
}

/**
 * "张* · 兴庆区 · 民族北街 12 号": the head's name as the viewer may see it (masked by the agreement), the region and
 * the address; the parts the hub withheld are left out. Empty when it withheld them all.
 */
export function householdSummaryText(household: HouseholdSummary | null | undefined): string {
  if (!household) return '';
  const head = household.members?.length ? householdHeadName(household) : null;
  return [head === '—' ? null : head, household.region?.name, household.address].filter(Boolean).join(' · ');
}
