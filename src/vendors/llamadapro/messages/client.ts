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
import { mappedRequest } from '../mapped-request.js';
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

const requestMessage = mappedRequest(llamadaProMessageSchema, toMessage);
const requestMedia = mappedRequest(llamadaProMediaSchema, toMedia);

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
    return requestMessage(this.http, { route: routes.getMessage, params: { messageId: id } });
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async sendWhatsAppTemplate(input: SendWhatsAppTemplateInput): Promise<Message> {
    return requestMessage(this.http, {
      route: routes.sendWhatsAppTemplate,
      body: toLlamadaProTemplateBody(input),
    });
  }

  async sendWhatsAppMessage(input: SendWhatsAppMessageInput): Promise<Message> {
    return requestMessage(this.http, {
      route: routes.sendWhatsAppMessage,
      body: toLlamadaProMessageBody(input),
    });
  }

  async uploadWhatsAppMedia(input: UploadWhatsAppMediaInput): Promise<WhatsAppMedia> {
    return requestMedia(this.http, {
      route: routes.uploadWhatsAppMedia,
      body: toLlamadaProMediaBody(input),
    });
  }
}
