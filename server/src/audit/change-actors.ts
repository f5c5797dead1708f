import { randomUUID } from 'node:crypto';
import type { ChangeActor } from '@hub/schema/context';

/** The hub itself as the maker of a change: a command or the demo's set-up, with a request id of its own. */
export function systemChangeActor(operation: string): ChangeActor {
  return {
    kind: 'SYSTEM',
    userId: null,
    apiClientId: null,
    name: 'hub',
    departmentId: null,
    requestId: `system-${randomUUID()}`,
    clientAddress: null,
    operation,
  };
}

/** A user as the maker of a change made outside a request (a command acting for them, a test's set-up). */
export function userChangeActor(
  user: { id: string; username: string; departmentId: string },
  operation: string,
): ChangeActor {
  return {
    ...systemChangeActor(operation),
    kind: 'USER',
    userId: user.id,
    name: user.username,
    departmentId: user.departmentId,
  };
}
