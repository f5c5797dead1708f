import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { serviceDay } from '@hub/schema/calendar/service-day';
import type { Context } from '@hub/schema/context';
import { badUserInputError, unauthenticatedError } from '@hub/schema/errors';
import { type HubScopeLoaders, hubAuthScopes } from '@hub/schema/scopes';
import { type DocumentNode, execute, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { loadHeldItems } from '../access/held-items.ts';
import { visibleSchema } from '../access/visible-schema.ts';
import { asksForIntrospection, rootFieldNames } from './introspection-fields.ts';

// How many distinct views of the schema (department holdings × role) one instance keeps.
const MAX_VIEWS = 200;

function passes(scopes: HubScopeLoaders, authScopes: unknown): boolean {
  if (authScopes === undefined || typeof authScopes === 'function') return true; // decided with the request
  return Object.entries(authScopes as Record<string, unknown>).every(([scope, parameter]) => {
    if (scope === '$any') return Object.entries(parameter as object).some(([s, p]) => passes(scopes, { [s]: p }));
    if (scope === '$all') return passes(scopes, parameter);
    if (scope.startsWith('$')) return false; // $granted: only within another answer
    const loader = (scopes as unknown as Record<string, unknown>)[scope];
    return typeof loader === 'function' ? Boolean(loader(parameter)) : loader === parameter;
  });
}

/**
 * Each caller's introspection shows only what it may query: the data items its department holds, at the levels
 * it holds them, and the operations its role may call. Any operation that names `__schema` or `__type` anywhere
 * (directly, aliased, in a fragment or an inline fragment) is answered from that caller's own view of the schema
 * alone; asking for introspection and data at once is refused, so that the two cannot disagree. Anonymous callers
 * get UNAUTHENTICATED.
 */
export function introspectionForCaller(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  const views = new Map<string, GraphQLSchema>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue: context }) {
          // No operation (an unknown operationName, several operations without one): Apollo refuses it itself.
          if (!operation || !asksForIntrospection(document)) return null;
          const body = (singleResult: object) => ({
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single' as const, singleResult },
          });
          const names = rootFieldNames(operation as OperationDefinitionNode, document as DocumentNode);
          if (names.some((name) => !name.startsWith('__'))) {
            return body({
              errors: [
                badUserInputError(
                  'MIXED_INTROSPECTION',
                  'ask for __schema or __type in an operation of its own, without data fields',
                ).toJSON(),
              ],
            });
          }
          // The schema maps what the hub holds about people: only a logged-in user or an API client may see it.
          if (!context.viewer) {
            return body({
              errors: [unauthenticatedError('log in or send an access token to introspect the API').toJSON()],
            });
          }
          const scopes = hubAuthScopes(context);
          const held = await loadHeldItems(context.prisma, context.viewer.departmentId, serviceDay());
          const role = context.viewer.kind === 'USER' ? context.viewer.role : context.viewer.kind;
          const key = `${role}|${[...held].sort().join(',')}`;
          let view = views.get(key);
          if (!view) {
            view = visibleSchema(schema, { held, passes: (authScopes) => passes(scopes, authScopes) });
            if (views.size >= MAX_VIEWS) views.clear();
            views.set(key, view);
          }
          const result = await execute({
            schema: view,
            document,
            variableValues: request.variables,
            operationName: request.operationName,
          });
          return body(result);
        },
      };
    },
  };
}
