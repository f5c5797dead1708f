import type { Dataset, PrismaClient } from '@hub/prisma';
import { serviceDay } from '@hub/schema/calendar/service-day';
import { datasetItemCodes } from '@hub/schema/delivery-formats';

/**
 * A department delivers a dataset under an agreement that names it as provider of that dataset (issue 5): an
 * ACTIVE agreement, in force today, whose provider is the department and whose items include one of the data items
 * the dataset carries. Returns the agreement's code, or null when there is none.
 */
export async function findProviderAgreement(
  prisma: PrismaClient,
  departmentId: string,
  dataset: Dataset,
  day = serviceDay(),
): Promise<string | null> {
  const itemCodes = datasetItemCodes(dataset);
  if (itemCodes.length === 0) return null;
  const agreement = await prisma.sharingAgreement.findFirst({
    where: {
      providerDepartmentId: departmentId,
      status: 'ACTIVE',
      validFrom: { lte: day },
      validUntil: { gte: day },
      items: { some: { itemCode: { in: itemCodes } } },
    },
    select: { code: true },
    orderBy: { code: 'asc' },
  });
  return agreement?.code ?? null;
}
