import type { DocumentNode } from 'graphql';
import { dataOrThrow, type HubOperation } from './hub-operation.ts';
import type { RelayCursors } from './relay-cursors.ts';

interface ListParams {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
  target?: string;
  id?: unknown;
}

const filled = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );

// biome-ignore lint/suspicious/noExplicitAny: records come as the schema shapes them
type Node = any;

/**
 * GET_LIST over a Relay connection `field(first, after, …)`: page N asks for `first: perPage` after page N − 1's end
 * cursor; the total comes from `totalCount` when the connection has one, otherwise react-admin pages on `hasNextPage`.
 */
export function relayList(options: {
  resource: string;
  field: string;
  document: DocumentNode;
  cursors: RelayCursors;
  variables: (filter: Record<string, unknown>) => Record<string, unknown>;
  toRecord?: (node: Node) => Node;
}) {
  return (params: ListParams): HubOperation => {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const filter = { ...(params.filter ?? {}), ...(params.target ? { [params.target]: params.id } : {}) };
    const key = options.cursors.keyOf(options.resource, filter, perPage);
    const after = options.cursors.afterPage(key, page);
    if (after === null) throw new MissingCursorError(key, page);
    return {
      query: options.document,
      variables: filled({ ...options.variables(filter), first: perPage, after }),
      parseResponse(answer) {
        const connection = dataOrThrow(answer, options.field);
        if (!connection) return { data: [], total: 0 };
        options.cursors.remember(key, page, connection.pageInfo.endCursor);
        const data = connection.edges.map((edge: { node: Node }) => (options.toRecord ?? ((n) => n))(edge.node));
        const pageInfo = { hasNextPage: connection.pageInfo.hasNextPage, hasPreviousPage: page > 1 };
        if (typeof connection.totalCount === 'number') return { data, total: connection.totalCount, pageInfo };
        // Without a count, the last page tells the total; before it, react-admin pages on hasNextPage.
        return pageInfo.hasNextPage
          ? { data, pageInfo }
          : { data, total: (page - 1) * perPage + data.length, pageInfo };
      },
    };
  };
}

/** Thrown for a page whose previous page's cursor is unknown; the data provider reads the pages before it first. */
export class MissingCursorError extends Error {
  constructor(
    readonly key: string,
    readonly page: number,
  ) {
    super(`page ${page} needs the cursor of page ${page - 1}`);
  }
}

/**
 * GET_LIST over a field that answers a short list (departments, data items, standards): the server filters; the
 * list is paged here. Only for lists that are small by nature: never a table that grows with the population.
 */
export function arrayList(options: {
  field: string;
  document: DocumentNode;
  variables?: (filter: Record<string, unknown>) => Record<string, unknown>;
  toRecord?: (node: Node) => Node;
  /** Filters the server does not offer, on what it answered. */
  keep?: (record: Node, filter: Record<string, unknown>) => boolean;
}) {
  return (params: ListParams): HubOperation => {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 1000 };
    const filter = { ...(params.filter ?? {}), ...(params.target ? { [params.target]: params.id } : {}) };
    return {
      query: options.document,
      variables: filled(options.variables?.(filter) ?? {}),
      parseResponse(answer) {
        const list: Node[] = dataOrThrow(answer, options.field) ?? [];
        const records = list
          .map((node) => (options.toRecord ?? ((n) => n))(node))
          .filter((record) => options.keep?.(record, filter) ?? true);
        return { data: records.slice((page - 1) * perPage, page * perPage), total: records.length };
      },
    };
  };
}

/** GET_MANY answered from the list operation: the records whose ids were asked for. */
export function manyFromList(list: (params: ListParams) => HubOperation) {
  return (params: { ids: unknown[] }): HubOperation => {
    const operation = list({ pagination: { page: 1, perPage: 1000 } });
    const wanted = new Set(params.ids.map(String));
    return {
      ...operation,
      parseResponse(answer) {
        const { data } = operation.parseResponse(answer) as { data: { id: unknown }[] };
        return { data: data.filter((record) => wanted.has(String(record.id))) };
      },
    };
  };
}

/** GET_ONE or a mutation whose answer is one record under `field`. */
export function single(options: {
  field: string;
  document: DocumentNode;
  variables: (params: Node) => Record<string, unknown>;
  toRecord?: (node: Node, answer: { errors?: unknown }) => Node;
}) {
  return (params: Node): HubOperation => ({
    query: options.document,
    variables: options.variables(params),
    parseResponse(answer) {
      const node = dataOrThrow(answer, options.field);
      if (!node) throw Object.assign(new Error('ra.notification.item_doesnt_exist'), { status: 404 });
      return { data: (options.toRecord ?? ((n) => n))(node, answer) };
    },
  });
}
