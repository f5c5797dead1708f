import type { Prisma, SharingAgreement } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';

/** The agreement, locked until the transaction ends so concurrent changes apply one after the other. */
export async function lockSharingAgreement(tx: Prisma.TransactionClient, id: string): Promise<SharingAgreement> {
  const locked = isUuid(id)
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM sharing_agreements WHERE id = ${id}::uuid FOR UPDATE`
    : [];
  if (!locked.length) throw notFoundError(`no sharing agreement has the id ${id}`);
  return tx.sharingAgreement.findUniqueOrThrow({ where: { id } });
}
