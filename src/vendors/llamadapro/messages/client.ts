import type { UpstreamClient } from '../../../http/upstream-client.js';
import type {
  Message,
  SendWhatsAppMessageInput,
  SendWhatsAppTemplateInput,
  UploadWhatsAppMediaInput,
  WhatsAppMedia,
} from '../../../model/message.js';
import type { PagedSource } from '../../../paging/paged-source.js';
import { readAll } from '../../../paging/read-all.js';
import { tokenPages } from '../token-pages.js';
import {
  toLlamadaProMediaBody,
  toLlamadaProMessageBody,
  toLlamadaProTemplateBody,
  toMedia,
  toMessage,
} from './map.js';
import { llamadaProMessageRoutes as routes } from './routes.js';
import {
  llamadaProMediaSchema,
  llamadaProMessageListSchema,
  llamadaProMessageSchema,
} from './schemas.js';

/** LlamadaPro's messages: a contact's list, the read, and the WhatsApp sends and uploads. */
export class LlamadaProMessageClient {
  constructor(readonly http: UpstreamClient) {}

  messagePages(contactId: string): PagedSource<Message> {
    return tokenPages(this.http, {
      route: routes.listMessages,
      schema: llamadaProMessageListSchema,
      map: toMessage,
      query: { contactId },
    });
  }

  /**
   * The funnel conversations a contact's WhatsApp messages belong to. LlamadaPro has no route
   * that lists a contact's conversations; its messages carry `funnelConversationId`.
   */
  async conversationIdsOfContact(contactId: string): Promise<string[]> {
    const ids = new Set<string>();
    const raw = tokenPages(this.http, {
      route: routes.listMessages,
      schema: llamadaProMessageListSchema,
      map: (message) => message.funnelConversationId,
      query: { contactId },
    });
    for (const id of await readAll(raw)) {
      if (id !== null && id !== undefined) ids.add(String(id));
    }
    return [...ids].sort();
  }

  async getMessage(id: string): Promise<Message> {
    return toMessage(
      await this.http.request({
        route: routes.getMessage,
        params: { messageId: id },
        schema: llamadaProMessageSchema,
      }),
    );
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async sendWhatsAppTemplate(input: SendWhatsAppTemplateInput): Promise<Message> {
    return toMessage(
      await this.http.request({
        route: routes.sendWhatsAppTemplate,
        body: toLlamadaProTemplateBody(input),
        schema: llamadaProMessageSchema,
      }),
    );
  }

  async sendWhatsAppMessage(input: SendWhatsAppMessageInput): Promise<Message> {
    return toMessage(
      await this.http.request({
        route: routes.sendWhatsAppMessage,
        body: toLlamadaProMessageBody(input),
        schema: llamadaProMessageSchema,
      }),
    );
  }

  async uploadWhatsAppMedia(input: UploadWhatsAppMediaInput): Promise<WhatsAppMedia> {
    return toMedia(
      await this.http.request({
        route: routes.uploadWhatsAppMedia,
        body: toLlamadaProMediaBody(input),
        schema: llamadaProMediaSchema,
      }),
    );
  }
}
