import type { ComparisonKind, PrismaClient } from '@hub/prisma';
import { isUuid } from '@hub/schema/uuid';
import type { Reach } from './department-reach.ts';

export interface ReachableRun {
  id: string;
  kind: ComparisonKind;
}

/**
 * The run, if it is within reach: a run of a region within it, or an application run all of whose households are.
 * Outside reach, a run looks exactly like none.
 */
export async function findReachableComparisonRun(
  prisma: PrismaClient,
  reach: Reach,
  runId: string,
): Promise<ReachableRun | null> {
  if (!isUuid(runId)) return null;
  if (reach === 'ALL') {
    return prisma.comparisonRun.findUnique({ where: { id: runId }, select: { id: true, kind: true } });
  }
  const codes = [...reach];
  const rows = await prisma.$queryRaw<ReachableRun[]>`
    SELECT r.id, r.kind FROM comparison_runs r
     WHERE r.id = ${runId}::uuid
       AND ((r.region_code IS NOT NULL AND r.region_code = ANY(${codes}::text[]))
            OR (r.region_code IS NULL AND NOT EXISTS (
                  SELECT 1 FROM comparison_chunks ch CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id)
                    JOIN households h ON h.id = listed.id
                   WHERE ch.run_id = r.id AND NOT (h.region_code = ANY(${codes}::text[])))))`;
  return rows[0] ?? null;
}

/** The ids of the runs within reach, for a list; 'ALL' when the reach is not limited. */
export async function findReachableRunIds(prisma: PrismaClient, reach: Reach): Promise<readonly string[] | 'ALL'> {
  if (reach === 'ALL') return 'ALL';
  const codes = [...reach];
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id::text AS id FROM comparison_runs r
     WHERE (r.region_code IS NOT NULL AND r.region_code = ANY(${codes}::text[]))
        OR (r.region_code IS NULL AND NOT EXISTS (
              SELECT 1 FROM comparison_chunks ch CROSS JOIN LATERAL unnest(ch.household_ids) AS listed(id)
                JOIN households h ON h.id = listed.id
               WHERE ch.run_id = r.id AND NOT (h.region_code = ANY(${codes}::text[]))))`;
  return rows.map((row) => row.id);
}
