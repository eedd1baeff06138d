import { builder } from '../builder.js';
import type { CallEvent, MessageEvent } from '../events/event-log.js';
import { CALL_EVENT_TYPES } from '../events/event-log.js';
import { callEvents, messageEvents } from '../services/events.js';
import { CallType } from './call.js';
import { CallStatusEnum, ProviderEnum } from './enums.js';
import { MessageType } from './message.js';

const CallEventTypeEnum = builder.enumType('CallEventType', {
  description:
    "How an event's call differs from the last event of that call: the first is CREATED, a new status STATUS_CHANGED (ENDED when it is COMPLETED, FAILED, NO_ANSWER, BUSY or CANCELED), anything else UPDATED.",
  values: {
    CREATED: { description: 'The first event of a call, whatever its status.' },
    STATUS_CHANGED: { description: 'The call has a new status that does not end it.' },
    UPDATED: { description: 'Something other than the status changed.' },
    ENDED: {
      description:
        'The call has a new, final status: COMPLETED, FAILED, NO_ANSWER, BUSY or CANCELED.',
    },
  } satisfies Record<(typeof CALL_EVENT_TYPES)[number], { description: string }>,
});

const CallEventFilter = builder.inputType('CallEventFilter', {
  description: 'Which call events a subscription receives; every given member must match.',
  fields: (t) => ({
    providers: t.field({
      type: [ProviderEnum],
      required: false,
      description: 'Only these call vendors (default: all).',
    }),
    callId: t.id({ required: false, description: 'Only the events of this call (its global id).' }),
    status: t.field({
      type: [CallStatusEnum],
      required: false,
      description: 'Only events whose call has one of these statuses.',
    }),
  }),
});

const CallEventType = builder.objectRef<CallEvent>('CallEvent').implement({
  description: 'A change of a call, as a vendor reported it (a webhook, or a poll).',
  fields: (t) => ({
    cursor: t.exposeString('cursor', {
      description:
        'Opaque, increasing in arrival order: pass it as `after` to resume after this event.',
    }),
    type: t.field({
      type: CallEventTypeEnum,
      description: 'How this event differs from the previous one of its call.',
      resolve: (event) => event.type,
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the vendor reported the change.',
      resolve: (event) => event.occurredAt,
    }),
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that reported the change.',
      resolve: (event) => event.provider,
    }),
    call: t.field({
      type: CallType,
      description: "The call as the event's payload maps it; its joins resolve as in queries.",
      resolve: (event) => event.call,
    }),
  }),
});

const MessageEventType = builder.objectRef<MessageEvent>('MessageEvent').implement({
  description: 'A WhatsApp message LlamadaPro reported.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', {
      description:
        'Opaque, increasing in arrival order: pass it as `after` to resume after this event.',
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When LlamadaPro reported the message.',
      resolve: (event) => event.occurredAt,
    }),
    message: t.field({
      type: MessageType,
      description: 'The message as the webhook payload maps it.',
      resolve: (event) => event.message,
    }),
  }),
});

const afterArgument = {
  description:
    'Replay every retained event after this cursor first, then continue live. An unknown or expired cursor is an error.',
};

builder.subscriptionType({
  description: 'Live events (GraphQL over SSE, or graphql-ws on /graphql).',
  fields: (t) => ({
    callEvents: t.field({
      type: CallEventType,
      description: 'Changes of calls on every call vendor, in arrival order.',
      args: {
        filter: t.arg({
          type: CallEventFilter,
          required: false,
          description: 'Which events to receive; every call event when absent.',
        }),
        after: t.arg.string({ required: false, ...afterArgument }),
      },
      subscribe: (_root, args, ctx) => callEvents(ctx, args),
      resolve: (event) => event,
    }),
    messageEvents: t.field({
      type: MessageEventType,
      description: 'New LlamadaPro WhatsApp messages, in arrival order.',
      args: {
        contactId: t.arg.id({ required: false, description: "Only this contact's messages." }),
        after: t.arg.string({ required: false, ...afterArgument }),
      },
      subscribe: (_root, args, ctx) => messageEvents(ctx, args),
      resolve: (event) => event,
    }),
  }),
});
