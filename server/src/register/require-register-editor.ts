import type { Prisma } from '@hub/prisma';
import { forbiddenError } from '@hub/schema/errors';

/** Civil affairs keeps its register: only a user of a CIVIL_AFFAIRS department edits it. Returns that department. */
export async function requireRegisterEditor(
  tx: Prisma.TransactionClient,
  editorId: string,
): Promise<{ departmentId: string }> {
  const user = await tx.user.findUnique({ where: { id: editorId }, select: { department: true } });
  if (user?.department.kind !== 'CIVIL_AFFAIRS') {
    throw forbiddenError('only civil-affairs staff edit the register');
  }
  return { departmentId: user.department.id };
}
