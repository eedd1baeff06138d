import autocannon from 'autocannon';
import { percentile, round } from './stats.js';

export interface LoadOptions {
  url: string;
  body: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  overallRate?: number;
  /** Give every request its own query text (a trailing comment), defeating any parse cache. */
  uniqueQueries?: boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts plus non-2xx answers. */
  errors: number;
}

/**
 * One autocannon run. Latency percentiles come from every answer's own response time with
 * sub-millisecond precision: autocannon's histogram keeps whole milliseconds only, too coarse
 * for a 2 ms target.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let counter = 0;
  const query: { query: string } | null = options.uniqueQueries ? parseQuery(options.body) : null;
  let finished: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = (error, result) => (error ? reject(error) : resolve(result));
  });
  const started = process.hrtime.bigint();
  const instance = autocannon(
    {
      url: options.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: options.body,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
      ...(options.overallRate ? { overallRate: options.overallRate } : {}),
      ...(query
        ? {
            requests: [
              {
                setupRequest: (request) => ({
                  ...request,
                  body: JSON.stringify({ query: `${query.query}\n# ${counter++}` }),
                }),
              },
            ],
          }
        : {}),
    },
    (error, result) => finished(error, result),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const requests = result.requests.total;
  return {
    requests,
    seconds: round(seconds),
    rps: round(requests / seconds, 0),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function parseQuery(body: string): { query: string } {
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed === 'object' && parsed !== null && 'query' in parsed) {
    const { query } = parsed;
    if (typeof query === 'string') return { query };
  }
  throw new Error('uniqueQueries needs a body with a query string');
}
