import { z } from 'zod';
import { invalidInput } from '../../errors.js';
import { GraphQLError } from 'graphql';
import { decodeGlobalId, type GlobalId, type IdScoped } from '../../ids.js';
import { CALL_STATUSES, CALL_DIRECTIONS, type Call, type CallFilter } from '../../model/call.js';
import { CALL_PROVIDERS, PROVIDERS, type CallProvider } from '../../model/provider.js';
import { toE164 } from '../../model/phone.js';
import {
  filterDate,
  filterEnum,
  filterEnumList,
  filterMember,
  filterText,
  parseFilter,
} from '../filters.js';

const filterSchema = z.object({
  providers: filterMember(z.array(z.enum(PROVIDERS))),
  status: filterEnumList(CALL_STATUSES),
  direction: filterEnum(CALL_DIRECTIONS),
  phone: filterMember(z.string()),
  startedAfter: filterDate(),
  startedBefore: filterDate(),
  updatedAfter: filterDate(),
  agentId: filterMember(z.string()),
  classificationTag: filterText(),
  useCaseId: filterText(),
  campaignId: filterText(),
});

export interface ParsedCallFilter {
  providers: CallProvider[];
  filter: CallFilter;
}

/**
 * `filter.agentId` is an Agent's global id: it names the agent's vendor, which must be one the
 * list reads, and the vendor's own agent id the calls are matched on.
 */
function parseAgentId(
  request: IdScoped,
  globalId: string,
  providers: CallProvider[],
): { provider: CallProvider; agentId: string } {
  const field = ['filter', 'agentId'];
  let id: GlobalId;
  try {
    id = decodeGlobalId(request, globalId);
  } catch (error) {
    // Another tenant's agent stays NOT_FOUND, as any foreign id (README, "Tenants").
    if (error instanceof GraphQLError && error.extensions['code'] === 'NOT_FOUND') throw error;
    throw invalidInput('filter.agentId must be the id of an Agent', { field });
  }
  if (id.type !== 'Agent') {
    throw invalidInput(`filter.agentId is the id of a ${id.type}, not of an Agent`, { field });
  }
  const provider = providers.find((name) => name === id.provider);
  if (!provider) {
    throw invalidInput(`filter.agentId names a ${id.provider} agent, which providers leaves out`, {
      field,
    });
  }
  return { provider, agentId: id.providerId };
}

/**
 * Validates `CallFilter`; bad values are INVALID_INPUT errors naming the member. Without
 * `providers` the filter reads the request's default call vendors (`Context.callProviders`).
 */
export function parseCallFilter(
  request: IdScoped & { callProviders: readonly CallProvider[] },
  input: unknown,
): ParsedCallFilter {
  const value = parseFilter(filterSchema, input);
  let providers: CallProvider[] = [];
  for (const provider of value.providers ?? request.callProviders) {
    const callProvider = CALL_PROVIDERS.find((name) => name === provider);
    if (!callProvider) {
      throw invalidInput(`filter.providers: ${provider} has no calls`, {
        field: ['filter', 'providers'],
      });
    }
    if (!providers.includes(callProvider)) providers.push(callProvider);
  }
  const filter: CallFilter = {};
  if (value.agentId !== undefined) {
    const agent = parseAgentId(request, value.agentId, providers);
    providers = [agent.provider];
    filter.agentId = agent.agentId;
  }
  if (value.status) filter.status = value.status;
  if (value.direction) filter.direction = value.direction;
  if (value.phone !== undefined && value.phone !== null) {
    const phone = toE164(value.phone);
    if (!phone) {
      throw invalidInput('filter.phone must be an E.164 phone number such as +14155550123', {
        field: ['filter', 'phone'],
      });
    }
    filter.phone = phone;
  }
  if (value.startedAfter) filter.startedAfter = value.startedAfter;
  if (value.startedBefore) filter.startedBefore = value.startedBefore;
  if (filter.startedAfter && filter.startedBefore && filter.startedAfter >= filter.startedBefore) {
    throw invalidInput('filter.startedAfter must be before filter.startedBefore', {
      field: ['filter', 'startedAfter'],
    });
  }
  if (value.updatedAfter) filter.updatedAfter = value.updatedAfter;
  if (value.classificationTag !== undefined) filter.classificationTag = value.classificationTag;
  if (value.useCaseId !== undefined) filter.useCaseId = value.useCaseId;
  if (value.campaignId !== undefined) filter.campaignId = value.campaignId;
  return { providers, filter };
}

/** The merge key of `calls` (docs/architecture.md): `startedAt`, or the vendor's creation time. */
export function callSortKey(call: Call): number | null {
  const value = call.startedAt ?? call.createdAt;
  return value === null ? null : Date.parse(value);
}

/** Whether a call passes the whole filter; applied to every item, native filtering or not. */
export function matchesCallFilter(call: Call, filter: CallFilter): boolean {
  if (filter.status && !filter.status.includes(call.status)) return false;
  if (filter.direction && call.direction !== filter.direction) return false;
  if (filter.agentId !== undefined && call.agent?.providerId !== filter.agentId) return false;
  if (filter.phone) {
    if (toE164(call.from) !== filter.phone && toE164(call.to) !== filter.phone) return false;
  }
  if (filter.startedAfter || filter.startedBefore) {
    const started = call.startedAt === null ? null : Date.parse(call.startedAt);
    if (started === null) return false;
    if (filter.startedAfter && started < filter.startedAfter.getTime()) return false;
    if (filter.startedBefore && started >= filter.startedBefore.getTime()) return false;
  }
  if (filter.updatedAfter) {
    if (call.updatedAt === null) return false;
    if (Date.parse(call.updatedAt) < filter.updatedAfter.getTime()) return false;
  }
  if (filter.classificationTag !== undefined) {
    const tag = call.classification?.tag.trim().toLowerCase();
    if (tag !== filter.classificationTag.toLowerCase()) return false;
  }
  if (filter.useCaseId !== undefined && call.useCase?.id !== filter.useCaseId) return false;
  if (filter.campaignId !== undefined && call.campaignId !== filter.campaignId) return false;
  return true;
}

/** A stable description of a list's arguments, so a cursor is only valid for its own list. */
export function filterFingerprint(providers: CallProvider[], filter: CallFilter): string {
  return JSON.stringify([
    providers,
    filter.status ?? null,
    filter.direction ?? null,
    filter.phone ?? null,
    filter.startedAfter?.toISOString() ?? null,
    filter.startedBefore?.toISOString() ?? null,
    filter.agentId ?? null,
    filter.updatedAfter?.toISOString() ?? null,
    filter.classificationTag ?? null,
    filter.useCaseId ?? null,
    filter.campaignId ?? null,
  ]);
}
