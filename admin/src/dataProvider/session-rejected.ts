import { ApolloLink } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

/** The hub refused the session (expired, ended or revoked): it answers 200 with an UNAUTHENTICATED error. */
export class SessionRejectedError extends Error {
  readonly statusCode = 401;
  readonly status = 401;
  constructor() {
    super('hub.auth.session_expired');
  }
}

const rejectsSession = (errors: readonly GraphQLFormattedError[] | undefined) =>
  errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;

/**
 * Turns any answer that refuses the session into a 401 error, whatever the operation's error policy, so that
 * react-admin's checkError sees it on every call (lists, records, mutations and the screens' own queries alike).
 */
export const sessionRejectedLink = new ApolloLink((operation, forward) =>
  forward(operation).map((result) => {
    if (rejectsSession(result.errors)) throw new SessionRejectedError();
    return result;
  }),
);

/** Whether an error a data-provider call failed with is the hub refusing the session, in any of its wrappings. */
export function isSessionRejected(error: unknown): boolean {
  const candidate = error as
    | { status?: number; statusCode?: number; networkError?: unknown; body?: unknown; cause?: unknown }
    | null
    | undefined;
  if (!candidate || typeof candidate !== 'object') return false;
  if (candidate instanceof SessionRejectedError || candidate.status === 401 || candidate.statusCode === 401) {
    return true;
  }
  return [candidate.networkError, candidate.cause].some((inner) => inner !== error && isSessionRejected(inner));
}
