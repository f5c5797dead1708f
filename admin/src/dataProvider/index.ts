import { ApolloClient, type DocumentNode, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider, GetListParams } from 'react-admin';
import { hubFetch } from '../hub-session.ts';
import { buildHubQuery } from './build-query.ts';
import { FIELD_CHECKED_RESOURCES } from './field-problems.ts';
import type { HubAnswer } from './hub-operation.ts';
import { MissingCursorError } from './list-operations.ts';
import { createRelayCursors } from './relay-cursors.ts';
import { sessionRejectedLink } from './session-rejected.ts';

// Lists the hub cannot answer without one of these filters: the portal asks the user for it and shows nothing until
// then (a person is searched by identity number or name, never listed).
const REQUIRED_FILTERS: Record<string, readonly string[]> = {
  Consent: ['personIdNumber'],
  ApiClient: ['departmentId'],
  DatasetSnapshot: ['departmentId'],
  HouseholdAssessment: ['runId'],
  Person: ['idNumber', 'name'],
};

export interface HubDataProvider extends DataProvider {
  client: ApolloClient<unknown>;
  /** A query of a screen's own (the dashboard's, a run's diff): its data and any field denials. */
  query(document: DocumentNode, variables?: Record<string, unknown>): Promise<HubAnswer>;
  /** A mutation that is not one of react-admin's verbs (approve, rotate a secret, withdraw a consent, ...). */
  // biome-ignore lint/suspicious/noExplicitAny: each mutation's answer is its caller's to read
  mutate(document: DocumentNode, variables?: Record<string, unknown>): Promise<any>;
}

function createHubApolloClient() {
  return new ApolloClient({
    link: sessionRejectedLink.concat(new HttpLink({ uri: '/graphql', fetch: hubFetch })),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache', errorPolicy: 'all' } },
  });
}

/**
 * ra-data-graphql against the hub's one endpoint, with the bearer token and the declared purpose on every request.
 * Its introspection is the caller's own (the hub shows each role only what it may call), so one is made per session.
 */
function createHubDataProvider(): HubDataProvider {
  const client = createHubApolloClient();
  const cursors = createRelayCursors();
  const provider = buildGraphQLProvider({
    client,
    introspection: { include: ['__none__'] },
    buildQuery: buildHubQuery(cursors),
    // Answers with denied fields still carry the data the caller may see: read both.
    query: () => ({ errorPolicy: 'all', fetchPolicy: 'no-cache' }),
    // The intake forms' mutations: their answer's field problems are shown under each input (field-problems.ts).
    mutation: (resource: string) => (FIELD_CHECKED_RESOURCES.has(resource) ? { errorPolicy: 'all' } : {}),
  });

  async function getList(resource: string, params: GetListParams) {
    const required = REQUIRED_FILTERS[resource];
    if (required && !required.some((filter) => params.filter?.[filter])) return { data: [], total: 0 };
    try {
      return await provider.getList(resource, params);
    } catch (error) {
      if (!(error instanceof MissingCursorError)) throw error;
      // A page reached without reading the ones before it (a bookmarked page 4): read those in turn, then it.
      const perPage = params.pagination?.perPage ?? 25;
      for (let page = cursors.lastKnownPage(error.key) + 1; page < error.page; page += 1) {
        await provider.getList(resource, { ...params, pagination: { page, perPage } });
      }
      return provider.getList(resource, params);
    }
  }

  return {
    ...provider,
    getList,
    getManyReference: (resource, params) =>
      getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } } as GetListParams),
    client,
    query: async (document, variables = {}) => {
      const answer = await client.query({ query: document, variables, errorPolicy: 'all', fetchPolicy: 'no-cache' });
      return { data: answer.data, errors: answer.errors };
    },
    mutate: async (document, variables = {}) => (await client.mutate({ mutation: document, variables })).data,
  };
}

let current = createHubDataProvider();

/** A new session gets a fresh provider: its own introspection, cursors and no answers of the one before. */
export function resetDataProvider(): void {
  current = createHubDataProvider();
}

export const dataProvider = new Proxy({} as HubDataProvider, {
  get: (_target, name) => current[name as keyof HubDataProvider],
});
