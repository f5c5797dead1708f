import type { Prisma } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';

/** The household an edit names, locked for the edit's transaction; NOT_FOUND for none. */
export async function findRegisteredHousehold(
  tx: Prisma.TransactionClient,
  householdId: string,
): Promise<{ id: string; regionCode: string; areaType: 'URBAN' | 'RURAL' }> {
  const rows = isUuid(householdId)
    ? await tx.$queryRaw<{ id: string; regionCode: string; areaType: 'URBAN' | 'RURAL' }[]>`
        SELECT id::text, region_code AS "regionCode", area_type::text AS "areaType"
          FROM households WHERE id = ${householdId}::uuid FOR UPDATE`
    : [];
  const household = rows[0];
  if (!household) throw notFoundError(`no household has the id ${householdId}`);
  return household;
}
