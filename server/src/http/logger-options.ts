import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

// A citizen identity number (18 characters, the last may be X) wherever it appears in a logged string.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MASKED_ID_NUMBER = '[ID NUMBER]';

/** The same value with every identity number in its strings masked; an Error becomes its type and own fields. */
function maskIdNumbers(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(ID_NUMBER, MASKED_ID_NUMBER);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskIdNumbers(item, depth + 1));
  const masked: Record<string, unknown> = value instanceof Error ? { type: value.name } : {};
  for (const key of Object.getOwnPropertyNames(value)) {
    masked[key] = maskIdNumbers((value as Record<string, unknown>)[key], depth + 1);
  }
  return masked;
}

/** Fields that may carry personal data or secrets, wherever a log line's object has them. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.clientSecret',
  '*.secret',
  '*.variables',
  '*.idNumber',
  '*.name',
  'variables',
  'query',
  'body',
  'err.meta',
  'err.query',
  'err.parameters',
  '*.detail',
];

/**
 * Fastify's logger: JSON lines with the request id (`reqId`), the request's method and path (never its query
 * string, where a GET /graphql carries its variables), no bodies, the fields above redacted, and any identity
 * number that reaches a message or an error masked.
 */
export function loggerOptions(options: { stream?: DestinationStream } = {}): FastifyServerOptions['logger'] {
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.ip,
      }),
    },
    formatters: { log: (object) => maskIdNumbers(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => maskIdNumbers(arg)) as Parameters<typeof method>);
      },
    },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
