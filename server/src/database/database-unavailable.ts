import { GraphQLError } from 'graphql';

// Prisma's codes for a server it cannot reach, that timed out or closed the connection; pg's and the OS's own.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shutting down or starting up).
const SQLSTATE = /^(08...|57P0[123])$/;
const MESSAGES =
  /Connection terminated|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** Whether an error (or one it was caused by) says PostgreSQL is out of reach, not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, kind, message, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)))
    return true;
  if (kind === 'DatabaseNotReachable' || kind === 'ConnectionClosed' || kind === 'SocketTimeout') return true;
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

export const SERVICE_UNAVAILABLE_MESSAGE = 'the database is unavailable; retry in a moment';

/** The answer while PostgreSQL is out of reach: 503 with Retry-After, at once rather than after a timeout. */
export function serviceUnavailableError(): GraphQLError {
  return new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', '1']]) } },
  });
}
