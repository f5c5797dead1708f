import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '@hub/schema/context';
import type { HubMetrics } from './hub-metrics.ts';

/** Counts each GraphQL operation by type and outcome, and the request's disclosure denials, as it answers. */
export function graphqlMetricsPlugin(metrics: HubMetrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response, contextValue: context }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          metrics.graphqlOperations.inc({
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
          });
          for (const disclosure of context.disclosures?.entries() ?? []) {
            if (disclosure.outcome === 'DENIED') {
              metrics.disclosureDenials.inc({ reason: disclosure.reason, item: disclosure.itemCode });
            }
          }
        },
      };
    },
  };
}
