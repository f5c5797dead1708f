/**
 * react-admin asks for page N; a Relay connection wants the cursor that ends page N − 1. This remembers the end
 * cursor of every page read, per resource, filter and page size, so that paging on is one request.
 */
export interface RelayCursors {
  keyOf(resource: string, filter: unknown, perPage: number): string;
  /** The `after` for a page: undefined for page 1, null when the previous page has not been read yet. */
  afterPage(key: string, page: number): string | undefined | null;
  remember(key: string, page: number, endCursor: string | null | undefined): void;
  /** The highest page whose end cursor is known, 0 for none. */
  lastKnownPage(key: string): number;
}

export function createRelayCursors(): RelayCursors {
  const endCursors = new Map<string, Map<number, string>>();
  return {
    keyOf: (resource, filter, perPage) => JSON.stringify([resource, filter ?? {}, perPage]),
    afterPage(key, page) {
      if (page <= 1) return undefined;
      return endCursors.get(key)?.get(page - 1) ?? null;
    },
    remember(key, page, endCursor) {
      if (!endCursor) return;
      let pages = endCursors.get(key);
      if (!pages) {
        pages = new Map();
        endCursors.set(key, pages);
      }
      pages.set(page, endCursor);
    },
    lastKnownPage(key) {
      const pages = endCursors.get(key);
      if (!pages) return 0;
      let page = 0;
      while (pages.has(page + 1)) page += 1;
      return page;
    },
  };
}
