import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '@hub/schema/context';
import { type BadUserInputReason, badUserInputError } from '@hub/schema/errors';
import { type DocumentNode, type GraphQLError, Kind, visit } from 'graphql';

const NUL = '\u0000';

function refusal(reason: BadUserInputReason, message: string): GraphQLError {
  return badUserInputError(reason, message, { http: { status: 400 } });
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes(NUL) || holdsNul(v));
  return false;
}

// Apollo's document store hands every request with the same query text the same parsed document: it is walked once.
const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentHoldsNul(document: DocumentNode): boolean {
  const known = nulInDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  nulInDocument.set(document, found);
  return found;
}

/**
 * Operations refused before they run, with a 400 the caller can act on rather than a fault deep inside:
 * subscriptions (the hub serves none over HTTP), and text holding U+0000 anywhere in the variables or the
 * document's string literals, which PostgreSQL cannot store or compare.
 */
export function refuseUnservableOperations(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation === 'subscription') {
            throw refusal('NO_SUBSCRIPTIONS', 'the hub serves queries and mutations only, no subscriptions');
          }
          if (holdsNul(request.variables) || documentHoldsNul(document)) {
            throw refusal('NUL_CHARACTER', 'text may not contain the NUL character (U+0000)');
          }
        },
      };
    },
  };
}
