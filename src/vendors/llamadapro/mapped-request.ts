import type { z } from 'zod';
import type { UpstreamClient, UpstreamRequest } from '../../http/upstream-client.js';

/**
 * The requests of an area that all answer the same object (the read, the create, the update and
 * the delete of one record): its schema and mapper are named once, each call only says what it
 * sends.
 */
export function mappedRequest<Raw, T>(schema: z.ZodType<Raw>, map: (raw: Raw) => T) {
  return async (
    http: UpstreamClient,
    request: Omit<UpstreamRequest<unknown>, 'schema'>,
  ): Promise<T> => map(await http.request({ ...request, schema }));
}
