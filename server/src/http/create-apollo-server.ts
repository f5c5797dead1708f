import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { schema } from '@hub/schema';
import type { Context } from '@hub/schema/context';
import { isPaginationArgumentError } from '@hub/schema/errors';
import type { FastifyBaseLogger } from 'fastify';
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../database/database-unavailable.ts';
import { endpointLandingPage } from './endpoint-landing-page.ts';
import { graphqlLimitRules, limitCodeOf } from './graphql-limits.ts';
import { type HttpLimits, isDevelopment } from './http-limits.ts';
import { internalErrorRequestId } from './internal-error-request-id.ts';
import { introspectionForCaller } from './introspection-for-caller.ts';
import { refuseUnservableOperations } from './refuse-unservable-operations.ts';
import { withholdFieldSuggestions } from './withhold-field-suggestions.ts';

const TOO_MANY_BAD_VARIABLES = 'Too many errors processing variables';

/**
 * Apollo with nothing that reaches out: a local landing page (Apollo's loads from a CDN), and no usage, schema or
 * trace reporting. Introspection shows each caller only what it may query (introspection-for-caller.ts), and only
 * administrators get "did you mean" suggestions (withhold-field-suggestions.ts). An
 * operation too deep, too wide or too costly is refused before it runs (graphql-limits.ts); batches are refused;
 * CSRF prevention stays on (a browser's simple request cannot reach a resolver).
 */
export function createApolloServer(
  log: FastifyBaseLogger,
  limits: HttpLimits,
  plugins: ApolloServerPlugin<Context>[] = [],
): ApolloServer<Context> {
  const development = isDevelopment();
  return new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: development,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Automatic persisted queries would keep one cache of query texts for every caller, so a client could learn by
    // hash what others asked; nothing the hub serves (the portal included) sends them.
    persistedQueries: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: graphqlLimitRules(limits),
    // The start command owns the signals and drains the HTTP server before Apollo stops.
    stopOnTerminationSignals: false,
    logger: log,
    plugins: [
      endpointLandingPage(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      refuseUnservableOperations(),
      introspectionForCaller(schema),
      withholdFieldSuggestions(),
      internalErrorRequestId(),
      ...plugins,
    ],
    // An unexpected error may carry SQL or internals: the log keeps it (internal-error-request-id.ts), the caller
    // gets its code and the request id only.
    formatError: (formatted, error) => {
      // Both are the caller's input refused: Pothos' pagination checks, and graphql-js giving up on a variables
      // object with more than 50 wrong values (the 50 come first, each a BAD_USER_INPUT already).
      if (
        isPaginationArgumentError(unwrapResolverError(error)) ||
        formatted.message.startsWith(TOO_MANY_BAD_VARIABLES)
      ) {
        return { ...formatted, extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ARGUMENT' } };
      }
      if (isDatabaseUnavailable(unwrapResolverError(error))) {
        return {
          message: SERVICE_UNAVAILABLE_MESSAGE,
          path: formatted.path,
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        };
      }
      const limit = limitCodeOf(formatted);
      if (limit) {
        const { message, locations } = formatted;
        return { message, locations, extensions: { code: limit } };
      }
      if (development || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
      return {
        message: 'internal error: quote the request id when reporting it',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
}
