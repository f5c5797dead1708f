import type { AccessLevel, DepartmentKind, PrismaClient, Purpose } from '@hub/prisma';
import { ACCESS_RANK } from '@hub/schema/disclosure/access-levels';

/** One active agreement's grant of one item. */
export interface Grant {
  agreementId: string;
  providerDepartmentId: string;
  level: AccessLevel;
  dailyQueryQuota: number | null;
}

/** The union of a consumer department's active agreements for one purpose on one service day. */
export interface AgreementGrants {
  department: { id: string; kind: DepartmentKind; regionCode: string };
  /** By item code, best level first. */
  byItem: ReadonlyMap<string, readonly Grant[]>;
}

/** Active means: status ACTIVE, the purpose among its purposes, and the day within [validFrom, validUntil]. */
export async function loadAgreementGrants(
  prisma: PrismaClient,
  query: { departmentId: string; purpose: Purpose; day: Date },
): Promise<AgreementGrants> {
  const [department, agreements] = await Promise.all([
    prisma.department.findUniqueOrThrow({
      where: { id: query.departmentId },
      select: { id: true, kind: true, regionCode: true },
    }),
    prisma.sharingAgreement.findMany({
      where: {
        consumerDepartmentId: query.departmentId,
        status: 'ACTIVE',
        purposes: { has: query.purpose },
        validFrom: { lte: query.day },
        validUntil: { gte: query.day },
      },
      select: { id: true, providerDepartmentId: true, dailyQueryQuota: true, items: true },
    }),
  ]);
  const byItem = new Map<string, Grant[]>();
  for (const agreement of agreements) {
    for (const item of agreement.items) {
      const grants = byItem.get(item.itemCode) ?? [];
      grants.push({
        agreementId: agreement.id,
        providerDepartmentId: agreement.providerDepartmentId,
        level: item.accessLevel,
        dailyQueryQuota: agreement.dailyQueryQuota,
      });
      byItem.set(item.itemCode, grants);
    }
  }
  for (const grants of byItem.values()) grants.sort((a, b) => ACCESS_RANK[b.level] - ACCESS_RANK[a.level]);
  return { department, byItem };
}
