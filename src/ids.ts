import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { invalidInput } from './errors.js';
import { pathParameterProblem } from './http/route.js';
import { PROVIDERS, type Provider } from './model/provider.js';

export const NODE_TYPES = [
  'Call',
  'Agent',
  'Problem',
  'Contact',
  'Task',
  'Message',
  'CustomField',
  'Conversation',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeType;
  provider: Provider;
  providerId: string;
}

/** The internal id the relay plugin hands to node loaders: `PROVIDER:vendorId`. */
export function localId(provider: Provider, providerId: string): string {
  return `${provider}:${providerId}`;
}

export function parseLocalId(id: string): { provider: Provider; providerId: string } {
  const separator = id.indexOf(':');
  const provider = PROVIDERS.find((name) => name === id.slice(0, separator));
  if (separator < 0 || provider === undefined) throw invalidInput('malformed id');
  return { provider, providerId: id.slice(separator + 1) };
}

/**
 * Whose objects ids name: the tenant's id with a tenants file, null with one tenant (ids then
 * carry no scope, as before tenants). Every request has one (`Context.idScope`).
 */
export type IdScope = string | null;

/** What decoding needs of a request: its id scope. */
export interface IdScoped {
  readonly idScope: IdScope;
}

/**
 * Opaque global ids: base64url of `Type:PROVIDER:vendorId`, and with a tenant scope of
 * `tenant/Type:PROVIDER:vendorId` (tenant ids hold neither `/` nor `:`, src/tenants/tenants-file.ts).
 */
export function encodeGlobalId(scope: IdScope, type: string, id: string | number | bigint): string {
  const text = `${type}:${String(id)}`;
  return Buffer.from(scope === null ? text : `${scope}/${text}`, 'utf8').toString('base64url');
}

/**
 * An id another tenant obtained: as unknown to this one as an id that never existed, and found
 * out without asking any vendor (README, "Tenants").
 */
function foreignId(globalId: string): GraphQLError {
  return new GraphQLError(`"${globalId.slice(0, 80)}" names no object of this tenant`, {
    extensions: { code: 'NOT_FOUND' },
  });
}

const SCOPED = /^([a-z0-9][a-z0-9_-]{0,62})\/(.*)$/s;

export function decodeGlobalId(request: IdScoped, globalId: string): GlobalId {
  const fail = () => invalidInput(`"${globalId.slice(0, 80)}" is not a Switchboard id`);
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) throw fail();
  let text = Buffer.from(globalId, 'base64url').toString('utf8');
  const scoped = SCOPED.exec(text);
  const scope = scoped ? scoped[1]! : null;
  if (scoped) text = scoped[2]!;
  const [type, provider, ...rest] = text.split(':');
  const providerId = rest.join(':');
  const knownType = NODE_TYPES.find((name) => name === type);
  const knownProvider = PROVIDERS.find((name) => name === provider);
  if (knownType === undefined || knownProvider === undefined || providerId === '') throw fail();
  // Reject non-canonical encodings so that one object has exactly one id.
  if (encodeGlobalId(scope, knownType, localId(knownProvider, providerId)) !== globalId) {
    throw fail();
  }
  if (scope !== request.idScope) throw foreignId(globalId);
  return { type: knownType, provider: knownProvider, providerId };
}

/** Decodes an id argument that must name an object of `type`. */
export function expectGlobalId(
  request: IdScoped,
  globalId: string,
  type: NodeType,
  argument = 'id',
): GlobalId {
  const decoded = decodeGlobalId(request, globalId);
  if (decoded.type !== type) {
    throw invalidInput(`${argument} is the id of a ${decoded.type}, not of a ${type}`);
  }
  return decoded;
}

/**
 * The id scope of the input being parsed (`parseInScope`): zod transforms cannot be handed the
 * request, and a parse is synchronous, so it is set for exactly the duration of one parse.
 */
let parsingScope: IdScoped | null = null;

/** Runs a synchronous parse whose id members (`globalIdOf`) decode in `request`'s scope. */
export function parseInScope<T>(request: IdScoped, parse: () => T): T {
  const outer = parsingScope;
  parsingScope = request;
  try {
    return parse();
  } finally {
    parsingScope = outer;
  }
}

/** The scope `parseInScope` set; decoding outside one is a programming error. */
export function currentParsingScope(): IdScoped {
  if (parsingScope === null) throw new Error('an id member was parsed outside parseInScope');
  return parsingScope;
}

/**
 * The least every vendor id must be, for kinds whose format no vendor document gives: something
 * that fills one path segment and nothing else. Vendor folders give stricter rules where they can.
 */
export const opaqueVendorId = z.string().superRefine((value, ctx) => {
  const problem = pathParameterProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * The vendor id inside a global id of a type only `provider` holds: INVALID_INPUT naming
 * `argument` for another provider, or for an id that does not have the `format` of the vendor's
 * ids of that kind (by default only what any id sent in a URL must be).
 */
export function vendorIdOn(
  id: Pick<GlobalId, 'provider' | 'providerId'>,
  provider: Provider,
  options: { format?: z.ZodType<string>; argument?: string } = {},
): string {
  const argument = options.argument ?? 'id';
  if (id.provider !== provider) {
    throw invalidInput(
      `${argument}: only ${provider} holds objects of this type, not ${id.provider}`,
      {
        field: [argument],
      },
    );
  }
  const checked = (options.format ?? opaqueVendorId).safeParse(id.providerId);
  if (!checked.success) {
    const reason = checked.error.issues[0]?.message ?? 'malformed';
    throw invalidInput(`${argument}: not a ${provider} id (${reason})`, { field: [argument] });
  }
  return id.providerId;
}
