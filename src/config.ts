import { z } from 'zod';

const url = (name: string) =>
  z
    .string({ error: `${name} must be set` })
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:/.test(value), {
      error: `${name} must be an http(s) URL`,
    });
const secret = (name: string) =>
  z
    .string({ error: `${name} must be set` })
    .trim()
    .min(1, { error: `${name} must not be empty` });
const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });

export interface FreyaConfig {
  baseUrl: string;
  apiKey: string;
  workspaceId: string;
}
export interface BearerConfig {
  baseUrl: string;
  apiKey: string;
}
export interface CxConfig {
  baseUrl: string;
  username: string;
  password: string;
}

export interface VendorConfigs {
  freya?: FreyaConfig;
  ovia?: BearerConfig;
  llamadapro?: BearerConfig;
  cx?: CxConfig;
  happyrobot?: BearerConfig;
}

export interface Config {
  port: number;
  host: string;
  upstreamTimeoutMs: number;
  /** Client keys for `Authorization: Bearer`; empty means the graph is open. */
  apiKeys: string[];
  /** Whether unconfigured vendors are served by the embedded sandbox. */
  sandbox: boolean;
  /** How long a mutation's idempotency key is remembered. @default 86_400_000 */
  idempotencyTtlMs: number;
  vendors: VendorConfigs;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** A vendor is configured when its base URL is set; its credentials are then required. */
function vendor<T>(
  env: Env,
  prefix: string,
  shape: Record<string, z.ZodType>,
  build: (v: Record<string, unknown>) => T,
): T | undefined {
  const baseName = `${prefix}_BASE_URL`;
  if (env[baseName] === undefined || env[baseName] === '') {
    return undefined;
  }
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(env[name]);
    if (!parsed.success)
      throw new ConfigError(parsed.error.issues[0]?.message ?? `${name} is invalid`);
    values[name] = parsed.data;
  }
  return build(values);
}

function str(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string') throw new ConfigError(`${name} must be set`);
  return value;
}

function one<T>(schema: z.ZodType<T>, value: string | undefined): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues[0]?.message ?? 'invalid configuration');
  return parsed.data;
}

/** Parses the environment of CONTRACT §2; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const vendors: VendorConfigs = {};
  const freya = vendor(
    env,
    'FREYA',
    {
      FREYA_BASE_URL: url('FREYA_BASE_URL'),
      FREYA_API_KEY: secret('FREYA_API_KEY'),
      FREYA_WORKSPACE_ID: secret('FREYA_WORKSPACE_ID'),
    },
    (v) => ({
      baseUrl: str(v, 'FREYA_BASE_URL'),
      apiKey: str(v, 'FREYA_API_KEY'),
      workspaceId: str(v, 'FREYA_WORKSPACE_ID'),
    }),
  );
  if (freya) vendors.freya = freya;
  for (const [key, prefix] of [
    ['ovia', 'OVIA'],
    ['llamadapro', 'LLAMADAPRO'],
    ['happyrobot', 'HAPPYROBOT'],
  ] as const) {
    const bearer = vendor(
      env,
      prefix,
      {
        [`${prefix}_BASE_URL`]: url(`${prefix}_BASE_URL`),
        [`${prefix}_API_KEY`]: secret(`${prefix}_API_KEY`),
      },
      (v) => ({ baseUrl: str(v, `${prefix}_BASE_URL`), apiKey: str(v, `${prefix}_API_KEY`) }),
    );
    if (bearer) vendors[key] = bearer;
  }
  const cx = vendor(
    env,
    'CX',
    {
      CX_BASE_URL: url('CX_BASE_URL'),
      CX_USERNAME: secret('CX_USERNAME'),
      CX_PASSWORD: secret('CX_PASSWORD'),
    },
    (v) => ({
      baseUrl: str(v, 'CX_BASE_URL'),
      username: str(v, 'CX_USERNAME'),
      password: str(v, 'CX_PASSWORD'),
    }),
  );
  if (cx) vendors.cx = cx;

  const anyConfigured = Object.keys(vendors).length > 0;
  const sandbox =
    env.SWITCHBOARD_SANDBOX === undefined || env.SWITCHBOARD_SANDBOX === ''
      ? !anyConfigured
      : one(
          z.enum(['0', '1'], { error: 'SWITCHBOARD_SANDBOX must be 0 or 1' }),
          env.SWITCHBOARD_SANDBOX,
        ) === '1';

  return {
    port: env.PORT ? one(integer('PORT', 0, 65535), env.PORT) : 4000,
    host: env.HOST ? one(z.string().trim().min(1), env.HOST) : '127.0.0.1',
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS
      ? one(integer('UPSTREAM_TIMEOUT_MS', 1, 600_000), env.UPSTREAM_TIMEOUT_MS)
      : 5000,
    apiKeys: (env.SWITCHBOARD_API_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
    sandbox,
    idempotencyTtlMs: env.IDEMPOTENCY_TTL_MS
      ? one(integer('IDEMPOTENCY_TTL_MS', 1, 7 * 86_400_000), env.IDEMPOTENCY_TTL_MS)
      : 86_400_000,
    vendors,
  };
}
