/** What a list returns (a Relay connection): edges, page info and a lazily read total. */
export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: () => Promise<number | null>;
}
