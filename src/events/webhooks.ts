import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { VENDORS, type VendorKey } from '../vendors/registry.js';
import type { WebhookParser } from '../vendors/vendor-definition.js';
import type { EventSink } from './sink.js';
import type { WebhookDedup } from './webhook-dedup.js';

/** The envelope every vendor's webhook is assumed to have (README, "Live calls"). */
const envelopeSchema = z.object({ type: z.string().min(1).max(200), data: z.unknown() });

interface Receiver {
  key: VendorKey;
  verifier: Webhook;
  parse: WebhookParser;
}

export interface WebhookOptions {
  secrets: Partial<Record<VendorKey, string>>;
  sink: EventSink;
  dedup: WebhookDedup;
  logger: Logger;
  maxBodyBytes: number;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function answer(response: ServerResponse, status: number, message?: string): void {
  const body = message === undefined ? '' : JSON.stringify({ error: message });
  response.writeHead(status, {
    ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/**
 * Receives signed vendor webhooks (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, 5 minutes of tolerance, any of several signatures) and hands what they
 * report to the event log. A rejected webhook emits nothing and its body is never logged.
 */
export function createWebhookHandler(
  options: WebhookOptions,
): (request: IncomingMessage, response: ServerResponse, vendor: string) => Promise<void> {
  const receivers = new Map<string, Receiver>();
  for (const definition of VENDORS) {
    const secret = options.secrets[definition.key];
    if (!secret || !definition.webhook) continue;
    receivers.set(definition.key, {
      key: definition.key,
      verifier: new Webhook(secret),
      parse: definition.webhook,
    });
  }
  const { logger } = options;

  return async (request, response, vendor) => {
    const receiver = receivers.get(vendor);
    if (!receiver) {
      request.resume();
      answer(response, 404, 'no webhooks are received for this vendor');
      return;
    }
    if (request.method !== 'POST') {
      request.resume();
      response.setHeader('allow', 'POST');
      answer(response, 405, 'webhooks are POSTed');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        answer(response, 413, `the body is larger than ${options.maxBodyBytes} bytes`);
        return;
      }
      throw error;
    }
    const id = header(request, 'webhook-id');
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': header(request, 'webhook-timestamp'),
      'webhook-signature': header(request, 'webhook-signature'),
    };
    const log = logger.child({ webhook: { vendor, id: id.slice(0, 100) } });
    try {
      receiver.verifier.verify(body, headers, { jsonParse: false });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      log.warn({ reason: error.message }, 'webhook rejected');
      answer(response, 401, 'missing or invalid webhook signature, or a stale timestamp');
      return;
    }
    let envelope: z.infer<typeof envelopeSchema>;
    let payload: ReturnType<WebhookParser>;
    try {
      envelope = envelopeSchema.parse(JSON.parse(body.toString('utf8')));
      payload = receiver.parse(envelope.type, envelope.data);
    } catch {
      payload = null;
    }
    if (payload === null) {
      log.warn('webhook rejected: the body is not the assumed payload');
      answer(response, 400, 'the body is not {type, data} with the data this event type carries');
      return;
    }
    if (payload.kind === 'ignored' || payload.kind === 'problem') {
      log.info('webhook accepted; nothing is emitted for its type');
      answer(response, 204);
      return;
    }
    let first: boolean;
    try {
      first = await options.dedup.claim(vendor, id);
    } catch (error) {
      // Redis is unreachable: the sender retries later, as after a failed store below.
      log.error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'webhook could not be checked for repeats',
      );
      answer(response, 503, 'the event could not be stored; retry');
      return;
    }
    if (!first) {
      log.info('webhook repeated; already accepted');
      answer(response, 204);
      return;
    }
    // Checked by the verifier: Unix seconds within 5 minutes of now.
    const occurredAt = new Date(Number(headers['webhook-timestamp']) * 1000);
    try {
      if (payload.kind === 'call') {
        await options.sink.observeCall({
          provider: payload.call.provider,
          call: payload.call,
          occurredAt,
        });
      } else {
        await options.sink.observeMessage({ message: payload.message, occurredAt });
      }
    } catch (error) {
      await options.dedup.release(vendor, id).catch(() => {});
      log.error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'webhook could not be logged',
      );
      answer(response, 503, 'the event could not be stored; retry');
      return;
    }
    log.info('webhook accepted');
    answer(response, 204);
  };
}
