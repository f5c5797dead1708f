import type { PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { departmentReach } from './department-reach.ts';

/** The offices (township regions) whose discrepancy cases a caller may see and work; empty for anyone else. */
export type CaseOffices = ReadonlySet<string>;

const NONE: CaseOffices = new Set();

// Cases are civil affairs' work: its administrators and verification officers reach the cases of the offices within
// their department's region (a township office its own, a county bureau its townships'). Every other caller,
// whatever its role or agreements (an API client, an auditor, another department's administrator), reaches none.
export async function discrepancyCaseOffices(prisma: PrismaClient, viewer: Viewer | null): Promise<CaseOffices> {
  if (viewer?.kind !== 'USER' || (viewer.role !== 'ADMIN' && viewer.role !== 'VERIFICATION_OFFICER')) return NONE;
  const department = await prisma.department.findUnique({
    where: { id: viewer.departmentId },
    select: { kind: true, regionCode: true },
  });
  if (department?.kind !== 'CIVIL_AFFAIRS') return NONE;
  const reach = await departmentReach(prisma, department);
  return reach === 'ALL' ? NONE : reach;
}

/** Whether a case is within the offices: its own office's, or the county's it was escalated to. */
export const reachesCase = (
  offices: CaseOffices,
  found: { officeRegionCode: string; escalatedToRegionCode: string | null },
): boolean =>
  offices.has(found.officeRegionCode) ||
  (found.escalatedToRegionCode !== null && offices.has(found.escalatedToRegionCode));
