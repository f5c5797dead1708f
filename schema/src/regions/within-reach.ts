import type { Context } from '../context.ts';

/**
 * Whether a household of this region is within the caller's reach. Outside it, a household looks exactly like
 * one that does not exist.
 */
export async function isWithinReach(context: Context, regionCode: string | null | undefined): Promise<boolean> {
  const reach = await context.access.reachableRegions();
  return reach === 'ALL' || (regionCode != null && reach.has(regionCode));
}

/** A person's region for reach: their household's, or for a person without one, the region of their ID number. */
export async function isPersonWithinReach(context: Context, idNumber: string): Promise<boolean> {
  if ((await context.access.reachableRegions()) === 'ALL') return true;
  const person = await context.prisma.person.findUnique({
    where: { idNumber },
    select: { household: { select: { regionCode: true } } },
  });
  return isWithinReach(context, person?.household?.regionCode ?? idNumber.slice(0, 6));
}

/** A household's reach by its region, read only when the caller's reach is limited at all. */
export async function isHouseholdWithinReach(context: Context, householdId: string): Promise<boolean> {
  if ((await context.access.reachableRegions()) === 'ALL') return true;
  const household = await context.prisma.household.findUnique({
    where: { id: householdId },
    select: { regionCode: true },
  });
  return isWithinReach(context, household?.regionCode);
}
