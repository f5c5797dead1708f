import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '@hub/schema/context';

/**
 * An unexpected error (one without a code, which Apollo answers as INTERNAL_SERVER_ERROR) is logged with its
 * request's id, and the answer names that id: the caller quotes it, the operator finds the log line.
 */
export function internalErrorRequestId(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, logger, contextValue: context }) {
          for (const error of errors) {
            if (error.extensions?.code) continue;
            const fields = { reqId: context?.requestId, err: unwrapResolverError(error), path: error.path };
            (logger as unknown as { error(fields: object, message: string): void }).error(
              fields,
              'unexpected error in a GraphQL operation',
            );
          }
        },
        async willSendResponse({ response, contextValue: context }) {
          if (response.body.kind !== 'single' || !context?.requestId) return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error as { extensions: Record<string, unknown> }).extensions = {
                ...error.extensions,
                requestId: context.requestId,
              };
            }
          }
        },
      };
    },
  };
}
