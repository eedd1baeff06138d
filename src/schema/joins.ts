import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { listContactCalls } from '../services/calls/contact-calls.js';
import { agentOfProblem, callOfProblem } from '../services/calls/problem-call.js';
import { contactOfCall } from '../services/contacts.js';
import { definitionOfValue } from '../services/custom-fields.js';
import {
  contactOfMessage,
  conversationOfMessage,
  messagesOfContact,
} from '../services/messages.js';
import { problemsOfCall } from '../services/problems.js';
import { contactOfTask, conversationOfTask, tasksOfContact } from '../services/tasks.js';
import { AgentRefType } from './agent.js';
import { CallConnection, CallType } from './call.js';
import { defineConnectionArgs } from './connection.js';
import { ContactType } from './contact.js';
import { ConversationType } from './conversation.js';
import { CustomFieldNodeType, CustomFieldValueType } from './custom-field.js';
import { MessageConnection, MessageType } from './message.js';
import { ProblemNodeType } from './problem.js';
import { contactRead } from './selections.js';
import { TaskConnection, TaskType } from './task.js';

/*
 * Every field fed by another vendor than its parent lives here, each through a per-request
 * DataLoader, and each nullable: a failing vendor nulls that field only (docs/architecture.md).
 */

builder.objectFields(CallType, (t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description:
      'The LlamadaPro contact of this call: for a LlamadaPro call, the contact it is filed under (its `contactId`, read by id); for any other, or one without `contactId`, the contact whose addresses hold its customerPhone, batched into contact searches of up to 50 numbers.',
    resolve: (call, _, ctx, info) => contactOfCall(ctx, call, contactRead(info)),
  }),
  problems: t.field({
    type: [ProblemNodeType],
    nullable: true,
    description:
      "Freya problems whose callId is this call's providerId; batched through Freya's callIds filter, 50 calls a request.",
    resolve: (call, _, ctx) => problemsOfCall(ctx, call),
  }),
}));

builder.objectFields(ProblemNodeType, (t) => ({
  call: t.field({
    type: CallType,
    nullable: true,
    description:
      'The call this problem is about, looked up on every call vendor whose id format fits its callId.',
    resolve: (problem, _, ctx) => callOfProblem(ctx, problem),
  }),
  agent: t.field({
    type: AgentRefType,
    nullable: true,
    description:
      "The agent of the problem's call, as that call's vendor names it, else Freya's `agentId` and `agentName` on the call's vendor. When the call is not found, that vendor is the one configured call vendor whose id format fits `callId`; null when several fit (a UUID: Ovia or CX), the problem names no call, or it names no agent.",
    resolve: (problem, _, ctx) => agentOfProblem(ctx, problem),
  }),
}));

builder.objectFields(TaskType, (t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description: "The contact of the task's conversation.",
    resolve: (task, _, ctx, info) => contactOfTask(ctx, task, contactRead(info)),
  }),
  conversation: t.field({
    type: ConversationType,
    nullable: true,
    description: 'The LlamadaPro funnel conversation the task belongs to (its `conversationId`).',
    resolve: (task, _, ctx) => conversationOfTask(ctx, task),
  }),
}));

builder.objectFields(ContactType, (t) => ({
  calls: t.field({
    type: CallConnection,
    nullable: true,
    description:
      "Calls on every call vendor to or from any of the contact's phone numbers, merged newest first like `Query.calls`.",
    args: defineConnectionArgs(t),
    resolve: (contact, args, ctx, info) =>
      listContactCalls(ctx, contact, { ...args, path: responsePathAsArray(info.path) }),
  }),
  messages: t.field({
    type: MessageConnection,
    nullable: true,
    description: "The contact's WhatsApp messages, newest first.",
    args: defineConnectionArgs(t),
    resolve: (contact, args, ctx, info) =>
      messagesOfContact(ctx, contact, { ...args, path: responsePathAsArray(info.path) }),
  }),
  tasks: t.field({
    type: TaskConnection,
    nullable: true,
    description:
      "Tasks of the contact's conversations. LlamadaPro lists tasks by conversation only, so the conversations are those the contact's WhatsApp messages belong to.",
    args: defineConnectionArgs(t),
    resolve: (contact, args, ctx, info) =>
      tasksOfContact(ctx, contact, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

builder.objectFields(MessageType, (t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description: 'The contact the message was exchanged with.',
    resolve: (message, _, ctx, info) => contactOfMessage(ctx, message, contactRead(info)),
  }),
  conversation: t.field({
    type: ConversationType,
    nullable: true,
    description:
      "The LlamadaPro funnel conversation the message belongs to (the vendor's `funnelConversationId`); null when it has none.",
    resolve: (message, _, ctx) => conversationOfMessage(ctx, message),
  }),
}));

builder.objectFields(CustomFieldValueType, (t) => ({
  definition: t.field({
    type: CustomFieldNodeType,
    nullable: true,
    description: 'The definition of this field; all definitions are read once per request.',
    resolve: (value, _, ctx) => definitionOfValue(ctx, value),
  }),
}));
