import type { PrismaClient } from '@hub/prisma';

/**
 * Counts one query against an agreement's daily quota, atomically across instances; false when the quota for the
 * day is used up. A request counts once per agreement it discloses under, however many fields it reads.
 */
export async function reserveDailyQuery(
  prisma: PrismaClient,
  agreement: { agreementId: string; dailyQueryQuota: number },
  day: Date,
): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ queries: number }[]>`
    INSERT INTO agreement_quota_usage (agreement_id, day, queries)
    VALUES (${agreement.agreementId}::uuid, ${day}::date, 1)
    ON CONFLICT (agreement_id, day) DO UPDATE SET queries = agreement_quota_usage.queries + 1
      WHERE agreement_quota_usage.queries < ${agreement.dailyQueryQuota}
    RETURNING queries`;
  return rows.length > 0 && rows[0] !== undefined && rows[0].queries <= agreement.dailyQueryQuota;
}
