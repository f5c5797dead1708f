import type { PrismaClient, RegionLevel } from '@hub/prisma';
import { uniqueNumber } from './unique.ts';

export async function createRegion(
  prisma: PrismaClient,
  options: { level?: RegionLevel; parentCode?: string; name?: string } = {},
) {
  const n = uniqueNumber();
  const level = options.level ?? 'CITY';
  const code =
    level === 'TOWNSHIP' || level === 'VILLAGE' ? String(640_000_000_000 + n) : String(100_000 + (n % 900_000));
  return prisma.region.create({
    data: { code, name: options.name ?? `地区${n}`, level, parentCode: options.parentCode },
  });
}

/** A city with two counties, the first of which has a township. */
export async function createRegionTree(prisma: PrismaClient) {
  const city = await createRegion(prisma, { level: 'CITY' });
  const county = await createRegion(prisma, { level: 'COUNTY', parentCode: city.code });
  const otherCounty = await createRegion(prisma, { level: 'COUNTY', parentCode: city.code });
  const township = await createRegion(prisma, { level: 'TOWNSHIP', parentCode: county.code });
  return { city, county, otherCounty, township };
}
