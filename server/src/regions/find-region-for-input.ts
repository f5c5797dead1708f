import type { PrismaClient, Region } from '@hub/prisma';
import { badUserInputError } from '@hub/schema/errors';

/** The region an input names, or BAD_USER_INPUT `UNKNOWN_REGION` saying which field named none. */
export async function findRegionForInput(prisma: PrismaClient, code: string, field: string): Promise<Region> {
  const region = await prisma.region.findUnique({ where: { code } });
  if (!region) {
    throw badUserInputError('UNKNOWN_REGION', `${field}: no region has the code ${code}`, { field, regionCode: code });
  }
  return region;
}
