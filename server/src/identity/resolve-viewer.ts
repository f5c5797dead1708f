import type { PrismaClient } from '@hub/prisma';
import type { Viewer } from '@hub/schema/context';
import { sessionTokenHash } from './create-session.ts';

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{43})$/i;

/** Who an `Authorization: Bearer <token>` header speaks for: null for no, unknown or expired tokens and disabled users. */
export async function resolveViewer(
  prisma: PrismaClient,
  authorization: string | undefined,
  now = new Date(),
): Promise<Viewer | null> {
  const token = authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: sessionTokenHash(token) },
    include: { user: { select: { id: true, username: true, role: true, departmentId: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  const { user } = session;
  return {
    kind: 'USER',
    userId: user.id,
    username: user.username,
    role: user.role,
    departmentId: user.departmentId,
    sessionId: session.id,
  };
}
