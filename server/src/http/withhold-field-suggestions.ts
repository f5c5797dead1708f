import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '@hub/schema/context';

// graphql-js ends a message with its suggestions: ` Did you mean "balanceFen"?`, `… "a", "b", or "c"?`,
// ` Did you mean to use an inline fragment on "BankDeposit"?`.
const SUGGESTION = / Did you mean [\s\S]*\?$/;

/**
 * "Did you mean" suggestions come from the whole schema, so they would name fields, types and operations a caller's
 * own view of the schema hides: everyone but an administrator gets the error without them.
 */
export function withholdFieldSuggestions(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue: context }) {
      if (context.viewer?.kind === 'USER' && context.viewer.role === 'ADMIN') return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!errors?.some((error) => SUGGESTION.test(error.message))) return;
          response.body.singleResult = {
            ...response.body.singleResult,
            errors: errors.map((error) => ({ ...error, message: error.message.replace(SUGGESTION, '') })),
          };
        },
      };
    },
  };
}
