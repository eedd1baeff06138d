import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear. Upstream log lines never carry headers or bodies in
 * the first place; this is the second belt for anything that might.
 */
const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers',
  '*.headers',
  'apiKey',
  '*.apiKey',
  'password',
  '*.password',
  // Phone numbers are personal data: never in logs, wherever a field carries one.
  'phone',
  '*.phone',
  'customerPhone',
  '*.customerPhone',
  'variables',
  '*.variables',
];

export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
    },
    options.destination,
  );
}
