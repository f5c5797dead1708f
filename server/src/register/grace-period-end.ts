import type { Prisma } from '@hub/prisma';

/**
 * 渐退期: when a recipient finds work and per-capita income rises above the standard, benefits continue for the
 * standard's grace months (at most 18). The last day of the grace period that began on `startedOn`, under the
 * policy version in force that day for the household's region (or the nearest region above it with one) and area
 * type; null when no region up the tree has one.
 */
export async function gracePeriodEnd(
  tx: Prisma.TransactionClient,
  household: { regionCode: string; areaType: 'URBAN' | 'RURAL' },
  startedOn: Date,
): Promise<Date | null> {
  const day = startedOn.toISOString().slice(0, 10);
  const rows = await tx.$queryRaw<{ ends_on: Date }[]>`
    WITH RECURSIVE ancestry(code, depth) AS (
      SELECT code, 0 FROM regions WHERE code = ${household.regionCode}
      UNION ALL SELECT r.parent_code, a.depth + 1 FROM ancestry a JOIN regions r ON r.code = a.code
       WHERE r.parent_code IS NOT NULL)
    SELECT (${day}::date + make_interval(months => st.grace_period_months))::date - 1 AS ends_on
      FROM ancestry a JOIN assistance_standards st ON st.region_code = a.code
     WHERE st.area_type = ${household.areaType}::"AreaType" AND st.year = extract(year FROM ${day}::date)::int
       AND st.effective_from <= ${day}::date
     ORDER BY a.depth, st.effective_from DESC LIMIT 1`;
  return rows[0]?.ends_on ?? null;
}

/**
 * The same rule as `gracePeriodEnd`, as a scalar SQL expression over a household's `region_code` and `area_type`
 * and the grace period's first day, for the register's bulk delivery and the comparisons: null where no region up
 * the tree has a standard in force that day for its area type.
 */
export function gracePeriodEndSql(regionCode: string, areaType: string, startedOn: string): string {
  // Aliases of their own, so that the caller's expressions may name its own `st` or `a`.
  return `(SELECT (${startedOn} + make_interval(months => grace_version.grace_period_months))::date - 1
      FROM hub_region_tree(${regionCode}, 'ABOVE') grace_region
      JOIN assistance_standards grace_version ON grace_version.region_code = grace_region.code
     WHERE grace_version.area_type = ${areaType} AND grace_version.year = extract(year FROM ${startedOn})::int
       AND grace_version.effective_from <= ${startedOn}
     ORDER BY grace_region.depth, grace_version.effective_from DESC LIMIT 1)`;
}
