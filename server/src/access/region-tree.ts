import type { PrismaClient } from '@hub/prisma';

/** The region and every region below it, or null when no region has that code: hub_region_tree, the one walk. */
export async function regionsWithin(prisma: PrismaClient, code: string): Promise<string[] | null> {
  const rows = await prisma.$queryRaw<{ code: string }[]>`SELECT code FROM hub_region_tree(${code}, 'BELOW')`;
  return rows.length ? rows.map((row) => row.code) : null;
}
