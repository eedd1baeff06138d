import { existsSync } from 'node:fs';
import { z } from 'zod';

/** The schemas of single variables, each failing with a message that follows the variable's name. */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

/** Reads one variable through its schema; a failure names the variable. */
export function read<T>(env: Env, name: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(env[name] === '' ? undefined : env[name]);
  if (!parsed.success) {
    throw new ConfigError(`${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

export const required = z.string({ error: 'must be set' }).trim().min(1, { error: 'must be set' });
export const httpUrl = required
  .refine((value) => URL.canParse(value) && /^https?:/i.test(value), {
    error: 'must be an http(s) URL',
  })
  // A user or password in the URL would be shown wherever the base URL is (`providers`,
  // `/status`, logs); credentials belong in their own variables.
  .refine(
    (value) => {
      if (!URL.canParse(value)) return true; // reported by the check above
      const url = new URL(value);
      return url.username === '' && url.password === '';
    },
    { error: 'must not hold a user name or password: set the credential variables instead' },
  );
export const integer = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);
export const existingFile = z
  .string()
  .trim()
  .min(1)
  .refine((path) => existsSync(path), { error: 'must name an existing file' })
  .optional()
  .transform((path) => path ?? null);
export const flag = (fallback: boolean) =>
  z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === '1'));

/** A vendor is configured when its base URL is set; its credentials are then required. */
export function vendor(
  env: Env,
  prefix: string,
  credentials: Readonly<Record<string, string>>,
): ({ baseUrl: string } & Record<string, string>) | undefined {
  if (!env[`${prefix}_BASE_URL`]) return undefined;
  const baseUrl = read(env, `${prefix}_BASE_URL`, httpUrl);
  const entries = Object.entries<string>(credentials).map(([key, variable]) => [
    key,
    read(env, variable, required),
  ]);
  return { ...Object.fromEntries(entries), baseUrl };
}

/** `https://app.example.com, http://localhost:5173` or `*`: each an origin, without a path. */
export const corsOrigins = z
  .string()
  .optional()
  .transform((value) =>
    value === undefined
      ? null
      : value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ''),
  )
  .refine(
    (origins) =>
      origins === null ||
      origins.every(
        (origin) => origin === '*' || (URL.canParse(origin) && new URL(origin).origin === origin),
      ),
    { error: 'must be * or comma-separated origins such as https://app.example.com' },
  );

export const redisUrl = z
  .string()
  .trim()
  .optional()
  .refine(
    (value) =>
      value === undefined ||
      (URL.canParse(value) &&
        /^rediss?:$/.test(new URL(value).protocol) &&
        new URL(value).hostname !== ''),
    { error: 'must be a redis://host:port[/db] URL' },
  );
export const redisPrefix = z
  .string()
  .regex(/^[\w:.-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, _ : . or -' })
  .default('switchboard:');

/** `whsec_` and the base64 of at least 24 bytes, as Standard Webhooks secrets are written. */
export const webhookSecret = z
  .string()
  .trim()
  .optional()
  .refine(
    (value) => {
      if (value === undefined) return true;
      const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(value);
      return match !== null && Buffer.from(match[1]!, 'base64').length >= 24;
    },
    { error: 'must be whsec_ followed by the base64 of at least 24 random bytes' },
  );
