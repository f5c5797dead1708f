import type { PrismaClient, Purpose } from '@hub/prisma';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import { AGREEMENTS_CHANNEL } from '../access/grant-cache.ts';

const CENTRE_PURPOSES: Purpose[] = [
  'MINIMUM_LIVING_GUARANTEE',
  'LOW_INCOME_RECOGNITION',
  'EXTREME_POVERTY_SUPPORT',
  'TEMPORARY_ASSISTANCE',
  'PERIODIC_REVIEW',
];

/**
 * The demo's standing agreements: every department of the demo city lets the verification centre (civil affairs)
 * read all its items in full for assistance checks, as the city's data-sharing rules provide. Partners' agreements
 * are left for an administrator to create, as the README shows. Returns how many it created.
 */
export async function seedDemoAgreements(
  prisma: PrismaClient,
  options: { centreCode: string; authorUsername: string; validFrom: Date; validUntil: Date },
): Promise<number> {
  const centre = await prisma.department.findUniqueOrThrow({ where: { code: options.centreCode } });
  const author = await prisma.user.findUniqueOrThrow({ where: { username: options.authorUsername } });
  const providers = await prisma.department.findMany({ where: { id: { not: centre.id } }, orderBy: { code: 'asc' } });
  let created = 0;
  for (const provider of providers) {
    const items = DATA_ITEMS.filter((item) => item.providerKind === provider.kind);
    if (!items.length) continue;
    await prisma.sharingAgreement.create({
      data: {
        code: `DEMO-${provider.code}-${centre.code}`,
        title: `${provider.name}向${centre.name}共享核对信息`,
        providerDepartmentId: provider.id,
        consumerDepartmentId: centre.id,
        purposes: CENTRE_PURPOSES,
        validFrom: options.validFrom,
        validUntil: options.validUntil,
        status: 'ACTIVE',
        statusReason: 'demo data, loaded with the demo region',
        authorId: author.id,
        approvedAt: new Date(),
        items: { create: items.map((item) => ({ itemCode: item.code, accessLevel: 'FULL' as const })) },
      },
    });
    created += 1;
  }
  await prisma.$executeRawUnsafe(`SELECT pg_notify('${AGREEMENTS_CHANNEL}', 'demo')`);
  return created;
}
