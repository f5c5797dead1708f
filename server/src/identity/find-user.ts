import type { PrismaClient, User } from '@hub/prisma';
import { notFoundError } from '@hub/schema/errors';
import { isUuid } from '@hub/schema/uuid';

export async function findUser(prisma: PrismaClient, id: string): Promise<User> {
  const user = isUuid(id) ? await prisma.user.findUnique({ where: { id } }) : null;
  if (!user) throw notFoundError('no such user');
  return user;
}
