import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { HttpLimits } from './http-limits.ts';

/** The `extensions.code` of an operation refused for its size; the HTTP status is 400. */
export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_TOKENS';

// graphql-armor reports "Syntax Error: …" and throws; this reports a coded validation error instead.
function reportAs(code: LimitCode) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit: code } }),
        ),
    ],
  };
}

/** Depth, alias, cost and directive limits, run with GraphQL's own validation before anything executes. */
export function graphqlLimitRules(limits: HttpLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('TOO_MANY_ALIASES') }),
    costLimitRule({ maxCost: limits.maxCost, ...reportAs('QUERY_TOO_COSTLY') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('TOO_MANY_DIRECTIVES') }),
  ] as ValidationRule[];
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more tha/;

/**
 * The code a size-refused operation answers with: the validation rules above mark theirs; the token limit is
 * graphql-js's own parse option, whose error is recognised by its message.
 */
export function limitCodeOf(formatted: { message: string; extensions?: Record<string, unknown> }): LimitCode | null {
  const limit = formatted.extensions?.limit;
  if (typeof limit === 'string') return limit as LimitCode;
  return TOKEN_LIMIT.test(formatted.message) ? 'TOO_MANY_TOKENS' : null;
}
