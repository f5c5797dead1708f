import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

// A citizen identity number (18 characters, the last may be X) wherever it appears in a logged string.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MASKED_ID_NUMBER = '[ID NUMBER]';

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
    // Last, on each finished JSON line: whatever path an identity number took into it, it leaves masked.
    hooks: { streamWrite: (line) => line.replace(ID_NUMBER, MASKED_ID_NUMBER) },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
