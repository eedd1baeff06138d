import { z } from 'zod';

export const SANDBOX_VENDORS = ['freya', 'ovia', 'llamadapro', 'cx', 'happyrobot'] as const;
export type SandboxVendor = (typeof SANDBOX_VENDORS)[number];

/**
 * What a sandbox vendor does wrong. `latencyMs` delays every answer; `failure` replaces it:
 * `status` answers that HTTP status (500 by default), `rate-limit` 429 with Retry-After,
 * `hang` never answers, `reset` drops the connection, `malformed` cuts the JSON body short,
 * `unauthorized` answers 401 whatever the credentials.
 */
export const faultSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  failure: z
    .enum(['status', 'rate-limit', 'hang', 'reset', 'malformed', 'unauthorized'])
    .optional(),
  status: z.number().int().min(400).max(599).optional(),
  retryAfterSeconds: z.number().min(0).max(3600).optional(),
});
export type Fault = z.infer<typeof faultSchema>;

/**
 * Parses `SANDBOX_FAULTS` / `--sandbox-faults`: `vendor=spec` pairs separated by commas, where a
 * spec is `+`-joined parts: `latency:40`, `500` (or any status), `429:2` (Retry-After seconds),
 * `hang`, `reset`, `malformed`, `401`. `*` names every vendor. Example: `*=latency:40,cx=503`.
 */
export function parseFaultSpec(spec: string): Partial<Record<SandboxVendor, Fault>> {
  const faults: Partial<Record<SandboxVendor, Fault>> = {};
  for (const pair of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name, value] = pair.split('=');
    if (name === undefined || value === undefined)
      throw new Error(`sandbox fault "${pair}" must be vendor=spec`);
    const vendors = name === '*' ? [...SANDBOX_VENDORS] : [name];
    const fault: Fault = {};
    for (const part of value.split('+')) {
      const [kind, arg] = part.split(':');
      if (kind === 'latency') fault.latencyMs = Number(arg);
      else if (kind === 'hang' || kind === 'reset' || kind === 'malformed') fault.failure = kind;
      else if (kind === '401') fault.failure = 'unauthorized';
      else if (kind === '429')
        Object.assign(fault, { failure: 'rate-limit', retryAfterSeconds: Number(arg ?? 1) });
      else if (kind !== undefined && /^[45]\d\d$/.test(kind))
        Object.assign(fault, { failure: 'status', status: Number(kind) });
      else
        throw new Error(
          `sandbox fault "${part}" is not one of latency:MS, STATUS, 429:SECONDS, hang, reset, malformed`,
        );
    }
    const parsed = faultSchema.parse(fault);
    for (const vendor of vendors) {
      if (!(SANDBOX_VENDORS as readonly string[]).includes(vendor)) {
        throw new Error(`sandbox fault names unknown vendor "${vendor}"`);
      }
      faults[vendor as SandboxVendor] = parsed;
    }
  }
  return faults;
}
