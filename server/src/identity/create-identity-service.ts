import type { PrismaClient } from '@hub/prisma';
import type { IdentityService } from '@hub/schema/context';
import { createUser } from './create-user.ts';
import { logIn } from './log-in.ts';
import { revokeSession } from './revoke-session.ts';

export function createIdentityService(prisma: PrismaClient, options: { sessionTtlMs?: number } = {}): IdentityService {
  return {
    logIn: (credentials) => logIn(prisma, credentials, { sessionTtlMs: options.sessionTtlMs }),
    logOut: (sessionId) => revokeSession(prisma, sessionId),
    createUser: (input) => createUser(prisma, input),
  };
}
