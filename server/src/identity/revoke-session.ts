import type { PrismaClient } from '@hub/prisma';

/** Logging out deletes the session, so its token stops working at once. */
export async function revokeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}
