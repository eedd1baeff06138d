import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { matchesCallFilter } from '../calls/call-filter.js';
import { CALL_ORDER } from '../calls/list-calls.js';
import type { Context } from '../context.js';
import { atPath, providerNotConfigured } from '../errors.js';
import { localId } from '../ids.js';
import type { AgentRef, Call } from '../model/call.js';
import type { Contact } from '../model/contact.js';
import type { Problem } from '../model/problem.js';
import { CALL_PROVIDERS } from '../model/provider.js';
import { listConnection, reportVendorFailure, vendorList } from '../paging/list-connection.js';
import type { MergeInput } from '../paging/merged-list.js';
import type { Task } from '../model/task.js';
import { toE164 } from '../vendors/normalize.js';
import { AgentRefType } from './agent.js';
import { CallConnection, CallType } from './call.js';
import {
  defineConnectionArgs,
  FIRST_DEFAULT,
  validateFirst,
  type ConnectionShape,
} from './connection.js';
import { ContactType } from './contact.js';
import { CustomFieldNodeType, CustomFieldValueType } from './custom-field.js';
import { MessageConnection, MessageType } from './message.js';
import { ProblemNodeType } from './problem.js';
import { prefetchDefinitions } from './selections.js';
import { TaskConnection, TaskType } from './task.js';

/*
 * Every field fed by another vendor than its parent lives here, each through a per-request
 * DataLoader, and each nullable: a failing vendor nulls that field only (CONTRACT §3, §4).
 */

builder.objectFields(CallType, (t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description:
      "The LlamadaPro contact whose addresses hold this call's customerPhone; batched into contact searches of up to 50 numbers.",
    resolve: (call, _, ctx, info) => {
      const phone = toE164(call.customerPhone);
      if (!phone) return null;
      prefetchDefinitions(ctx, info);
      return ctx.loaders.contactByPhone.load(phone);
    },
  }),
  problems: t.field({
    type: [ProblemNodeType],
    nullable: true,
    description:
      "Freya problems whose callId is this call's providerId; batched through Freya's callIds filter, 50 calls a request.",
    resolve: (call, _, ctx) => ctx.loaders.problemsByCallId.load(call.providerId),
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
    description: "The agent of the problem's call, as that call's vendor names it.",
    resolve: async (problem, _, ctx): Promise<AgentRef | null> => {
      if (problem.agentId === null) return null;
      const call = await callOfProblem(ctx, problem);
      if (!call) return null;
      if (call.agent?.providerId === problem.agentId) return call.agent;
      return { provider: call.provider, providerId: problem.agentId, name: problem.agentName };
    },
  }),
}));

async function callOfProblem(ctx: Context, problem: Problem): Promise<Call | null> {
  if (problem.callId === null) return null;
  const call = await ctx.loaders.callByVendorId.load(problem.callId);
  if (call) ctx.loaders.call.prime(localId(call.provider, call.providerId), call);
  return call;
}

builder.objectFields(TaskType, (t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description: "The contact of the task's conversation.",
    resolve: async (task, _, ctx, info) => {
      if (task.conversationId === null) return null;
      prefetchDefinitions(ctx, info);
      const conversation = await ctx.loaders.conversation.load(task.conversationId);
      const embedded = conversation.contacts[0];
      if (embedded) return embedded;
      return conversation.contactId ? ctx.loaders.contact.load(conversation.contactId) : null;
    },
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
      contactCalls(
        ctx,
        contact,
        validateFirst(args.first, FIRST_DEFAULT),
        args.after ?? null,
        responsePathAsArray(info.path),
      ),
  }),
  messages: t.field({
    type: MessageConnection,
    nullable: true,
    description: "The contact's WhatsApp messages, newest first.",
    args: defineConnectionArgs(t),
    resolve: (contact, args, ctx, info) => {
      const path = responsePathAsArray(info.path);
      return vendorList(ctx, 'llamadapro', {
        source: (connector) => connector.messagePages(contact.providerId),
        first: validateFirst(args.first, FIRST_DEFAULT),
        after: args.after ?? null,
        fingerprint: JSON.stringify(['Contact.messages', contact.providerId]),
        path,
      });
    },
  }),
  tasks: t.field({
    type: TaskConnection,
    nullable: true,
    description:
      "Tasks of the contact's conversations. LlamadaPro lists tasks by conversation only, so the conversations are those the contact's WhatsApp messages belong to.",
    args: defineConnectionArgs(t),
    resolve: (contact, args, ctx, info) =>
      contactTasks(
        ctx,
        contact,
        validateFirst(args.first, FIRST_DEFAULT),
        args.after ?? null,
        responsePathAsArray(info.path),
      ),
  }),
}));

/**
 * One source per call vendor and phone number. Each source keeps only calls that no earlier
 * phone of the contact matches, so a call between two of the contact's numbers is listed once.
 */
function contactCalls(
  ctx: Context,
  contact: Contact,
  first: number,
  after: string | null,
  path: Array<string | number>,
): Promise<ConnectionShape<Call>> {
  const phones = [
    ...new Set(contact.phones.map((phone) => toE164(phone)).filter((phone) => phone !== null)),
  ];
  const inputs: MergeInput<Call>[] = [];
  for (const provider of CALL_PROVIDERS) {
    const connector = ctx.connectors.callConnector(provider);
    if (!connector) {
      ctx.reportError(atPath(providerNotConfigured(provider), path));
      continue;
    }
    phones.forEach((phone, index) => {
      const { source, exact } = connector.callPages({ phone });
      const earlier = phones.slice(0, index);
      inputs.push({
        key: `${provider}:${phone}`,
        source,
        exact: exact && index === 0,
        keep: (call) =>
          matchesCallFilter(call, { phone }) &&
          !earlier.some((other) => matchesCallFilter(call, { phone: other })),
        idOf: (call) => call.providerId,
      });
    });
  }
  return listConnection(ctx, {
    inputs,
    order: CALL_ORDER,
    first,
    after,
    fingerprint: JSON.stringify(['Contact.calls', contact.providerId, phones]),
    path,
  });
}

async function contactTasks(
  ctx: Context,
  contact: Contact,
  first: number,
  after: string | null,
  path: Array<string | number>,
): Promise<ConnectionShape<Task>> {
  const connector = ctx.connectors.connectors.llamadapro;
  if (!connector) {
    ctx.reportError(atPath(providerNotConfigured('LLAMADAPRO'), path));
    return listConnection(ctx, { inputs: [], first, after, fingerprint: 'Contact.tasks', path });
  }
  let conversationIds: string[] = [];
  try {
    conversationIds = await connector.conversationIdsOfContact(contact.providerId);
  } catch (error) {
    reportVendorFailure(ctx, { key: 'LLAMADAPRO', error }, path);
  }
  return listConnection(ctx, {
    inputs: conversationIds.map((conversationId) => ({
      key: conversationId,
      source: connector.taskPages({ conversationId }),
      exact: true,
      keep: () => true,
      idOf: (task) => task.providerId,
    })),
    compare: (a, b) =>
      (b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
      a.providerId.localeCompare(b.providerId),
    first,
    after,
    fingerprint: JSON.stringify(['Contact.tasks', contact.providerId, conversationIds]),
    path,
  });
}

builder.objectFields(MessageType, (t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description: 'The contact the message was exchanged with.',
    resolve: (message, _, ctx, info) => {
      if (message.contactId === null) return null;
      prefetchDefinitions(ctx, info);
      return ctx.loaders.contact.load(message.contactId);
    },
  }),
}));

builder.objectFields(CustomFieldValueType, (t) => ({
  definition: t.field({
    type: CustomFieldNodeType,
    nullable: true,
    description: 'The definition of this field; all definitions are read once per request.',
    resolve: async (value, _, ctx) => {
      const definitions = await ctx.loaders.customFieldDefinitions();
      return (
        definitions.find(
          (definition) =>
            definition.key === value.key && definition.entityType === value.entityType,
        ) ?? null
      );
    },
  }),
}));
