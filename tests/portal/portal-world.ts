import { createPrismaClient, type PrismaClient } from '@hub/prisma';
import { seedDatabase } from '@hub/prisma/synthetic/seed-database';
import { seedDemoAgreements } from '@hub/server/agreements/seed-demo-agreements';
import { ensureAdministrator } from '@hub/server/identity/ensure-administrator';

/** The verification centre every portal test's world is run from. */
export const CENTRE = 'CIVIL_AFFAIRS_640100';

/**
 * A synthetic world for a browser test, as the demo has it: `persons` seeded, the centre's `admin` with the given
 * password, and the demo's agreements valid from the start of the seed's year for three years.
 */
export async function seedPortalWorld(
  databaseUrl: string,
  options: { persons: number; seed: number; adminPassword: string },
): Promise<{ prisma: PrismaClient; asOf: string; centre: { id: string } }> {
  const { asOf } = await seedDatabase(databaseUrl, { persons: options.persons, seed: options.seed });
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  await ensureAdministrator(prisma, {
    username: 'admin',
    password: options.adminPassword,
    displayName: '系统管理员',
    departmentCode: CENTRE,
  });
  const year = Number(asOf.slice(0, 4));
  await seedDemoAgreements(prisma, {
    centreCode: CENTRE,
    authorUsername: 'admin',
    validFrom: new Date(`${year}-01-01`),
    validUntil: new Date(`${year + 2}-12-31`),
  });
  const centre = await prisma.department.findUniqueOrThrow({ where: { code: CENTRE }, select: { id: true } });
  return { prisma, asOf, centre };
}
