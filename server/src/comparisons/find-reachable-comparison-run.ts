import type { ComparisonKind, PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { isUuid } from '@hub/schema/uuid';

export interface ReachableRun {
  id: string;
  kind: ComparisonKind;
}

/**
 * The run, if the caller may reach it: a civil-affairs department works within its own region and the regions
 * below it, so a run of another region, or an application run with a household outside it, is not there for it.
 * Other departments reach every region, as in the graph. Outside reach, a run looks exactly like none.
 */
export async function findReachableComparisonRun(
  prisma: PrismaClient,
  viewer: Viewer,
  runId: string,
): Promise<ReachableRun | null> {
  if (!isUuid(runId)) return null;
  const rows = await prisma.$queryRaw<ReachableRun[]>`
    WITH RECURSIVE department AS (
      SELECT kind, region_code FROM departments WHERE id = ${viewer.departmentId}::uuid
    ), within(code) AS (
      SELECT region_code FROM department WHERE kind = 'CIVIL_AFFAIRS'
      UNION ALL SELECT r.code FROM regions r JOIN within w ON r.parent_code = w.code
    )
    SELECT r.id, r.kind FROM comparison_runs r, department d
     WHERE r.id = ${runId}::uuid
       AND (d.kind <> 'CIVIL_AFFAIRS'
            OR (r.region_code IS NOT NULL AND r.region_code IN (SELECT code FROM within))
            OR (r.region_code IS NULL AND NOT EXISTS (
                  SELECT 1 FROM comparison_chunks ch CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id)
                    JOIN households h ON h.id = listed.id
                   WHERE ch.run_id = r.id AND h.region_code NOT IN (SELECT code FROM within))))`;
  return rows[0] ?? null;
}
