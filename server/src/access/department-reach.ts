import type { DepartmentKind, PrismaClient } from '@hub/prisma';
import { regionsWithin } from './region-tree.ts';

/** The regions whose households a department may reach, or 'ALL'. */
export type Reach = ReadonlySet<string> | 'ALL';

// Civil affairs works within its own region and the regions below it; every other department reaches every region,
// and what it then sees there is its agreements'.
export async function departmentReach(
  prisma: PrismaClient,
  department: { kind: DepartmentKind; regionCode: string },
): Promise<Reach> {
  if (department.kind !== 'CIVIL_AFFAIRS') return 'ALL';
  return new Set((await regionsWithin(prisma, department.regionCode)) ?? []);
}

export const isWithin = (reach: Reach, regionCode: string | null | undefined): boolean =>
  reach === 'ALL' || (regionCode != null && reach.has(regionCode));
