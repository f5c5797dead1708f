import type { ChangeActor, Context } from './context.ts';
import { viewerUserId } from './scopes.ts';

/** The user behind a mutation, as the typed audit event of the change it makes records them. */
export function changeActorOf(context: Context, operation: string): ChangeActor {
  const userId = viewerUserId(context);
  const viewer = context.viewer as Extract<Context['viewer'], { kind: 'USER' }>;
  return {
    kind: 'USER',
    userId,
    apiClientId: null,
    name: viewer.username,
    departmentId: viewer.departmentId,
    requestId: context.requestId,
    clientAddress: context.clientAddress,
    operation,
  };
}
