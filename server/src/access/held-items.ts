import type { AccessLevel, PrismaClient } from '@hub/prisma';
import { DATA_ITEMS } from '@hub/schema/catalogue';
import { ACCESS_RANK } from '@hub/schema/disclosure/access-levels';

/**
 * The best level at which a department holds each item today under any purpose: its own items in full, the rest
 * from its active agreements. What introspection shows it; requests are still decided purpose by purpose.
 */
export async function loadHeldItems(
  prisma: PrismaClient,
  departmentId: string,
  day: Date,
): Promise<ReadonlyMap<string, AccessLevel>> {
  const [department, items] = await Promise.all([
    prisma.department.findUnique({ where: { id: departmentId }, select: { kind: true } }),
    prisma.sharingAgreementItem.findMany({
      where: {
        agreement: {
          consumerDepartmentId: departmentId,
          status: 'ACTIVE',
          validFrom: { lte: day },
          validUntil: { gte: day },
        },
      },
      select: { itemCode: true, accessLevel: true },
    }),
  ]);
  const held = new Map<string, AccessLevel>();
  for (const item of DATA_ITEMS) if (item.providerKind === department?.kind) held.set(item.code, 'FULL');
  for (const { itemCode, accessLevel } of items) {
    const current = held.get(itemCode);
    if (!current || ACCESS_RANK[accessLevel] > ACCESS_RANK[current]) held.set(itemCode, accessLevel);
  }
  return held;
}
