import type { Prisma } from '@hub/prisma';

/** The channel the permission engine LISTENs on to drop its cached agreements, on every server instance. */
export const AGREEMENTS_CHANGED_CHANNEL = 'hub_agreements_changed';

/** Called inside the transaction that changes the agreement: PostgreSQL delivers the NOTIFY only if it commits. */
export async function notifyAgreementChanged(tx: Prisma.TransactionClient, agreementId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${AGREEMENTS_CHANGED_CHANNEL}, ${agreementId})`;
}
