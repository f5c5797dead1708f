import type { DocumentNode, GraphQLFormattedError } from 'graphql';

export interface HubAnswer {
  // biome-ignore lint/suspicious/noExplicitAny: the shape of each answer is its operation's to know
  data?: any;
  errors?: readonly GraphQLFormattedError[];
}

/** What ra-data-graphql runs for one data-provider call: an operation of our schema and how to read its answer. */
export interface HubOperation {
  query: DocumentNode;
  variables: Record<string, unknown>;
  parseResponse: (answer: HubAnswer) => unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: react-admin's params differ per verb
export type OperationBuilder = (params: any) => HubOperation;

export type FetchType = 'GET_LIST' | 'GET_ONE' | 'GET_MANY' | 'GET_MANY_REFERENCE' | 'CREATE' | 'UPDATE';

export type ResourceOperations = Partial<Record<FetchType, OperationBuilder>>;

/** A field the caller may not see comes back null with one of these: the portal shows which data item it was. */
export interface DeniedField {
  path: string;
  dataItem: string | null;
  reason: string | null;
  message: string;
}

export function deniedFieldsOf(errors: readonly GraphQLFormattedError[] | undefined): DeniedField[] {
  return (errors ?? [])
    .filter((error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'CONSENT_REQUIRED')
    .map((error) => ({
      path: (error.path ?? []).join('.'),
      dataItem: (error.extensions?.dataItem as string | undefined) ?? null,
      reason: (error.extensions?.reason as string | undefined) ?? (error.extensions?.code as string),
      message: error.message,
    }));
}

/** The answer's data, or the first error that is not a field denial when there is no data to show. */
export function dataOrThrow(answer: HubAnswer, field: string) {
  const value = answer.data?.[field];
  if (value === undefined || value === null) {
    const blocking = answer.errors?.find((error) => error.extensions?.code !== 'FORBIDDEN');
    if (blocking) throw Object.assign(new Error(blocking.message), { body: blocking, status: 200 });
  }
  return value;
}
