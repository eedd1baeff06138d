import type { Dispatcher } from 'undici';
import type { UpstreamAnswer } from './answer.js';

/**
 * One HTTP exchange through undici's `dispatch`, the layer its `request` is built on, with the
 * answer collected as it arrives: no body stream, no stream events, no AbortSignal wiring of
 * `request`'s own. For the small JSON answers of vendor APIs that machinery was most of undici's
 * CPU per request (bench/README.md, "Speed (issue 15)"). Errors are undici's own, as with
 * `request`: connection errors with their `code`, and `signal`'s reason when it aborts.
 * https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherdispatchoptions-handler
 */
/** An answer longer than the exchange's `maxBytes`: read no further, and dropped. */
export class AnswerTooLargeError extends Error {
  override name = 'AnswerTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`the answer is longer than ${maxBytes} bytes`);
  }
}

export function dispatchExchange(
  dispatcher: Dispatcher,
  request: {
    origin: string;
    path: string;
    method: Dispatcher.HttpMethod;
    headers: Record<string, string>;
    body: string | undefined;
    signal: AbortSignal;
    /** Bytes of answer body read at most; past them the exchange fails with AnswerTooLargeError. */
    maxBytes: number;
  },
): Promise<UpstreamAnswer> {
  const { signal } = request;
  return new Promise<UpstreamAnswer>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let status = 0;
    let retryAfter: string | null = null;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let abortExchange: ((error?: Error) => void) | null = null;
    const onAbort = () => abortExchange?.(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
        },
        {
          onConnect(abort) {
            abortExchange = abort;
            if (signal.aborted) abort(signal.reason as Error);
          },
          onHeaders(statusCode, rawHeaders) {
            // An informational answer (103 Early Hints) comes before the final one: none of its
            // headers are the answer's.
            if (statusCode < 200) return true;
            status = statusCode;
            retryAfter = null;
            // Raw headers alternate names and values.
            for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
              const name = rawHeaders[index]!;
              // Only a name of the right length is decoded, not every header of every answer.
              if (name.length === 11 && name.toString('latin1').toLowerCase() === 'retry-after') {
                retryAfter = rawHeaders[index + 1]!.toString('latin1');
              }
            }
            return true;
          },
          onData(chunk) {
            bytes += chunk.length;
            if (bytes > request.maxBytes) {
              // Dropped at once: a vendor cannot make this process hold an unbounded answer.
              chunks.length = 0;
              abortExchange?.(new AnswerTooLargeError(request.maxBytes));
              return false;
            }
            chunks.push(chunk);
            return true;
          },
          onComplete() {
            settle();
            resolve({ status, retryAfter, text: utf8Text(chunks) });
          },
          onError(error) {
            settle();
            reject(error);
          },
        },
      );
    } catch (error) {
      // Options undici refuses before sending anything.
      settle();
      reject(error);
    }
  });
}

/** The body as text, without a leading UTF-8 byte order mark (as undici's `text()` drops it). */
function utf8Text(chunks: Buffer[]): string {
  const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const bom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  return body.toString('utf8', bom ? 3 : 0);
}
