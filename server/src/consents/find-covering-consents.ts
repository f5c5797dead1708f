import type { PrismaClient, Purpose } from '@hub/prisma';

/**
 * Of these persons, those whose authorisation (授权) covers the purpose, the consumer department and the day:
 * not withdrawn, signedOn ≤ day ≤ expiresOn, the purpose among its purposes, for any department or this one.
 */
export async function findCoveringConsents(
  prisma: PrismaClient,
  personIds: readonly string[],
  cover: { departmentId: string; purpose: Purpose; day: Date },
): Promise<Set<string>> {
  const consents = await prisma.consent.findMany({
    where: {
      personId: { in: [...personIds] },
      withdrawnAt: null,
      purposes: { has: cover.purpose },
      signedOn: { lte: cover.day },
      expiresOn: { gte: cover.day },
      OR: [{ departmentId: null }, { departmentId: cover.departmentId }],
    },
    select: { personId: true },
  });
  return new Set(consents.map((consent) => consent.personId));
}
