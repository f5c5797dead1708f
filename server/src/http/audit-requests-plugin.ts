import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { Context } from '@hub/schema/context';
import { type DocumentNode, getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { AuditWriter } from '../audit/create-audit-writer.ts';
import { formAuditEntries } from '../audit/form-audit-entries.ts';
import { markAudited } from './audited-requests.ts';

const REFUSAL_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * Every GraphQL request, valid or not, leaves its audit entries before its answer leaves the hub: Apollo awaits
 * willSendResponse. An answer whose evidence could not be written is not sent; the caller gets 503 and may retry.
 */
export function auditRequestsPlugin(writer: AuditWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const occurredAt = new Date();
      return {
        async willSendResponse(requestContext) {
          const { contextValue: context, response } = requestContext;
          markAudited(context);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const entries = formAuditEntries({
            viewer: context.viewer,
            purpose: context.purpose,
            requestId: context.requestId,
            clientAddress: context.clientAddress,
            operation: operationOf(requestContext),
            occurredAt,
            disclosures: context.disclosures,
            refused: (errors ?? []).some((error) => REFUSAL_CODES.has(String(error.extensions?.code))),
          });
          try {
            await writer.write(entries);
          } catch (error) {
            requestContext.logger.error(`audit write failed; answer withheld (request ${context.requestId}): ${error}`);
            response.http.status = 503;
            response.http.headers.set('retry-after', '1');
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message: 'the audit trail is unavailable, so the answer was withheld; retry in a moment',
                    extensions: { code: 'AUDIT_UNAVAILABLE' },
                  },
                ],
              },
            };
          }
        },
      };
    },
  };
}

// The operation's name, else its root fields ("person,households"); a request that did not parse has neither.
function operationOf(requestContext: GraphQLRequestContext<Context>): string {
  const named = requestContext.operationName ?? requestContext.request.operationName;
  if (named) return named;
  const document: DocumentNode | undefined = requestContext.document;
  const operation = requestContext.operation ?? (document ? getOperationAST(document) : null);
  if (!operation) return document ? '(no operation)' : '(unparsable)';
  if (operation.name) return operation.name.value;
  return rootFieldsOf(operation.selectionSet).join(',') || `(${operation.operation})`;
}

function rootFieldsOf(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldsOf(selection.selectionSet);
    return [`...${selection.name.value}`];
  });
}
