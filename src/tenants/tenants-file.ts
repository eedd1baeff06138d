import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, httpUrl, webhookSecret, type Env } from '../config-values.js';
import { VENDORS, type VendorConfigs, type VendorKey } from '../vendors/registry.js';

/**
 * The tenants file named by SWITCHBOARD_TENANTS_FILE: each tenant's client keys, vendors,
 * webhook secrets and sandbox, read once at start-up like the environment (README,
 * "Configuration"). The file is JSON:
 *
 * ```json
 * { "tenants": [ { "id": "acme", "apiKeys": ["${ACME_KEY}"],
 *     "vendors": { "ovia": { "baseUrl": "https://…", "apiKey": "${ACME_OVIA_KEY}" } },
 *     "webhookSecrets": { "ovia": "${ACME_OVIA_WEBHOOK_SECRET}" },
 *     "sandbox": { "seed": 1 } } ] }
 * ```
 *
 * - A string that is exactly `${NAME}` (NAME being `[A-Za-z_][A-Za-z0-9_]*`) is replaced by that
 *   variable, anywhere in a tenant, so secrets can stay in the environment. An unset or empty
 *   variable is an error. Partial substitution (`prefix${NAME}`) is refused, not performed: a
 *   value holding `${` other than as a whole reference is an error, so a literal `${` belongs in
 *   a variable.
 * - The vendors and their members come from src/vendors/registry.ts: a registered vendor is
 *   accepted here with `baseUrl` and exactly the members its definition's `env.credentials` names;
 *   base URLs and webhook secrets are checked by the same schemas as the environment's
 *   (src/config-values.ts).
 * - A tenant with neither `vendors` nor `sandbox` is allowed: it has no vendors, and each of its
 *   queries answers `PROVIDER_NOT_CONFIGURED` for every vendor part (README, "Configuration").
 * - A `sandbox` needs its `seed`; there is no default seed.
 *
 * Every failure is one ConfigError line, `SWITCHBOARD_TENANTS_FILE (<source>): tenant "<id>"
 * <field>: <problem>` (`tenants[<index>]` when the id is missing or invalid), and never holds a
 * value from the file or the environment other than tenant ids, member names and variable names.
 */

export interface TenantSettings {
  /** `[a-z0-9][a-z0-9_-]{0,62}`; appears in URLs (/webhooks/{tenant}/{vendor}), logs, metric labels, Redis keys. */
  id: string;
  /** The tenant's client keys for `Authorization: Bearer`: at least one, each trimmed and non-empty. */
  apiKeys: string[];
  /** Each vendor entry: `baseUrl` and exactly that vendor's credential members. */
  vendors: VendorConfigs;
  /** Each vendor's Standard Webhooks secret (`whsec_<base64>`), as `webhookSecret` checks them. */
  webhookSecrets: Partial<Record<VendorKey, string>>;
  /** When set, the tenant's vendors not in `vendors` are served by an embedded sandbox of its own with this seed. */
  sandbox: { seed: number } | null;
}

/** A tenant id, safe in a URL path segment, a log line, a metric label and a Redis key. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

const VARIABLE = 'SWITCHBOARD_TENANTS_FILE';
const MAX_TENANTS = 1000;
const MAX_KEYS_PER_TENANT = 100;
const MAX_SEED = 1_000_000;
const REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

type Path = readonly PropertyKey[];

/** A problem at a field of one tenant, before it is given the file's and the tenant's names. */
class FieldError extends Error {
  constructor(
    readonly path: Path,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** A string that says "must be set" when absent, and never echoes what it was given. */
const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'must be set' : `must be ${what}`) });
const nonEmpty = text('a string').trim().min(1, { error: 'must not be empty' });
const object = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'must be set' : what),
});

const registered = VENDORS.map((definition) => definition.key).join(', ');

/** Each registered vendor's settings: `baseUrl` and the members its `env.credentials` names. */
const vendorSchemas = Object.fromEntries(
  VENDORS.map((definition) => [
    definition.key,
    z
      .strictObject(
        {
          baseUrl: httpUrl,
          ...Object.fromEntries(
            Object.keys(definition.env.credentials).map((member) => [member, nonEmpty]),
          ),
        },
        object('must be an object'),
      )
      .optional(),
  ]),
);

const tenantSchema = z.strictObject(
  {
    id: text('a string').regex(TENANT_ID_PATTERN, {
      error: 'must be 1 to 63 lowercase letters, digits, _ or -, starting with a letter or digit',
    }),
    apiKeys: z
      .array(nonEmpty, object('must be a list of API keys'))
      .min(1, { error: 'must hold at least one API key' })
      .max(MAX_KEYS_PER_TENANT, { error: `must hold at most ${MAX_KEYS_PER_TENANT} API keys` }),
    vendors: z.strictObject(vendorSchemas, object('must be an object')).default({}),
    webhookSecrets: z
      .strictObject(
        Object.fromEntries(VENDORS.map((definition) => [definition.key, webhookSecret])),
        object('must be an object'),
      )
      .default({}),
    sandbox: z
      .strictObject(
        {
          seed: z
            .number(object(`must be a whole number from 0 to ${MAX_SEED}`))
            .int({ error: `must be a whole number from 0 to ${MAX_SEED}` })
            .min(0, { error: `must be a whole number from 0 to ${MAX_SEED}` })
            .max(MAX_SEED, { error: `must be a whole number from 0 to ${MAX_SEED}` }),
        },
        object('must be an object { "seed": <number> } or null'),
      )
      .nullable()
      .optional(),
  },
  object('must be an object'),
);

const fileSchema = z.strictObject(
  {
    tenants: z
      .array(z.unknown(), object('must be a list of tenants'))
      .min(1, { error: 'must list at least one tenant' })
      .max(MAX_TENANTS, { error: `must list at most ${MAX_TENANTS} tenants` }),
  },
  { error: 'must be a JSON object { "tenants": [...] }' },
);

/** `vendors.ovia.apiKey`, `apiKeys[2]`, `vendors["odd key"]`. */
function formatPath(path: Path): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name)}]`;
    })
    .join('');
}

function fail(source: string, where: string, path: Path, problem: string): never {
  const field = formatPath(path);
  const line = [where, field].filter((part) => part !== '').join(' ');
  const message = `${VARIABLE} (${source}): ${line === '' ? '' : `${line}: `}${problem}`;
  throw new ConfigError(message.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** The members a strict object of the tenants file accepts, for "unknown member" messages. */
function expectedMembers(path: Path): string {
  if (path.length === 0) return Object.keys(tenantSchema.shape).join(', ');
  if (path.length === 2 && path[0] === 'vendors') {
    const definition = VENDORS.find((candidate) => candidate.key === path[1]);
    if (definition) return ['baseUrl', ...Object.keys(definition.env.credentials)].join(', ');
  }
  if (path.length === 1 && path[0] === 'sandbox') return 'seed';
  return '';
}

/** The first zod issue of a tenant, as a field and a problem that holds no value. */
function describeIssue(issue: z.core.$ZodIssue): FieldError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = [...issue.path, key];
    if (
      issue.path.length === 1 &&
      (issue.path[0] === 'vendors' || issue.path[0] === 'webhookSecrets')
    ) {
      return new FieldError(path, `is not a registered vendor (registered: ${registered})`);
    }
    const expected = expectedMembers(issue.path);
    return new FieldError(
      path,
      `is not a member of ${issue.path.length === 0 ? 'a tenant' : formatPath(issue.path)}${
        expected === '' ? '' : ` (expected ${expected})`
      }`,
    );
  }
  return new FieldError(issue.path, issue.message);
}

function lookUp(env: Env, name: string): string | undefined {
  // Own properties only: `${constructor}` must not find Object.prototype's.
  return Object.hasOwn(env, name) ? env[name] : undefined;
}

/** Replaces each `${NAME}` string; rebuilt with Object.fromEntries so `__proto__` stays a member. */
function substitute(value: unknown, env: Env, path: PropertyKey[]): unknown {
  if (typeof value === 'string') {
    const reference = REFERENCE.exec(value);
    if (reference) {
      const name = reference[1]!;
      const resolved = lookUp(env, name);
      if (resolved === undefined || resolved === '') {
        throw new FieldError(path, `refers to \${${name}}, but ${name} is not set`);
      }
      return resolved;
    }
    if (value.includes('${')) {
      throw new FieldError(
        path,
        'holds "${" but is not exactly one ${NAME} reference: partial substitution is not supported (put the whole value in a variable)',
      );
    }
    return value;
  }
  if (Array.isArray(value))
    return value.map((item, index) => substitute(item, env, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [key, substitute(member, env, [...path, key])]),
    );
  }
  return value;
}

/** `tenant "acme"` when the tenant's id (its variable resolved) is valid, else `tenants[3]`. */
function tenantLabel(raw: unknown, env: Env, index: number): string {
  const fallback = `tenants[${index}]`;
  if (raw === null || typeof raw !== 'object' || !Object.hasOwn(raw, 'id')) return fallback;
  let id: unknown = (raw as { id: unknown }).id;
  if (typeof id === 'string') {
    const reference = REFERENCE.exec(id);
    if (reference) id = lookUp(env, reference[1]!);
  }
  return typeof id === 'string' && TENANT_ID_PATTERN.test(id) ? `tenant "${id}"` : fallback;
}

/** V8 quotes the text around a syntax error, which may be a secret: keep the position only. */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  let problem = message.replace(/, ".*" is not valid JSON$/s, ' in JSON');
  const position = /at position (\d+)(?! \(line)/.exec(problem);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    problem = `${problem} (line ${line} column ${column})`;
  }
  return problem;
}

/**
 * Parses the text of a tenants file, `source` naming it in errors (its path); each `${NAME}` is
 * read from `env`. Throws a one-line ConfigError at the first problem.
 */
export function parseTenantsFile(text: string, env: Env, source: string): TenantSettings[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    fail(source, '', [], `is not valid JSON: ${jsonProblem(error, body)}`);
  }

  const file = fileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      fail(
        source,
        '',
        [...issue.path, issue.keys[0] ?? ''],
        'is not a member of the file (expected tenants)',
      );
    }
    fail(source, '', issue.path, issue.message);
  }

  const tenants: TenantSettings[] = [];
  const idIndex = new Map<string, number>();
  const keyOwners = new Map<string, { tenant: string; index: number }>();
  file.data.tenants.forEach((raw, index) => {
    const label = tenantLabel(raw, env, index);
    let parsed: z.output<typeof tenantSchema>;
    try {
      const result = tenantSchema.safeParse(substitute(raw, env, []));
      if (!result.success) throw describeIssue(result.error.issues[0]!);
      parsed = result.data;
    } catch (error) {
      if (error instanceof FieldError) fail(source, label, error.path, error.problem);
      throw error;
    }

    const earlier = idIndex.get(parsed.id);
    if (earlier !== undefined) {
      fail(
        source,
        label,
        ['id'],
        `tenants[${earlier}] and tenants[${index}] both have this id; ids must be unique`,
      );
    }
    idIndex.set(parsed.id, index);

    parsed.apiKeys.forEach((key, keyIndex) => {
      const owner = keyOwners.get(key);
      if (owner) {
        // Named by where it is, never by its value.
        fail(
          source,
          label,
          ['apiKeys', keyIndex],
          `is also apiKeys[${owner.index}] of tenant "${owner.tenant}"; an API key may belong to one tenant only, once`,
        );
      }
      keyOwners.set(key, { tenant: parsed.id, index: keyIndex });
    });

    const webhookSecrets: Partial<Record<VendorKey, string>> = {};
    for (const [vendor, secret] of Object.entries(parsed.webhookSecrets)) {
      if (secret !== undefined) Object.assign(webhookSecrets, { [vendor]: secret });
    }
    tenants.push({
      id: parsed.id,
      apiKeys: parsed.apiKeys,
      // Built from each definition's `env.credentials`, as loadConfig's entries are
      // (src/config.ts): each entry has exactly its vendor's configuration members.
      vendors: parsed.vendors as VendorConfigs,
      webhookSecrets,
      sandbox: parsed.sandbox ?? null,
    });
  });
  return tenants;
}

/** Reads and parses a tenants file; an unreadable file is a ConfigError naming its path. */
export function readTenantsFile(path: string, env: Env): TenantSettings[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
    };
    fail(path, '', [], `cannot be read (${(code && reasons[code]) ?? code ?? 'unknown error'})`);
  }
  return parseTenantsFile(text, env, path);
}
