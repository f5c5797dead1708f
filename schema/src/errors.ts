import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';

/** The codes clients switch on; each error's `extensions.code` is one of them. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOG_IN_THROTTLED'
  | 'ACCOUNT_DISABLED';

export type BadUserInputReason =
  | 'INVALID_ID_NUMBER'
  | 'UNKNOWN_REGION'
  | 'PURPOSE_REQUIRED'
  | 'UNKNOWN_PURPOSE'
  | 'MIXED_INTROSPECTION'
  | 'UNKNOWN_DEPARTMENT'
  | 'BLANK_VALUE'
  | 'CODE_TAKEN'
  | 'SAME_PROVIDER_AND_CONSUMER'
  | 'NO_PURPOSES'
  | 'INVALID_VALIDITY_WINDOW'
  | 'NO_ITEMS'
  | 'UNKNOWN_DATA_ITEM'
  | 'PROVIDER_KIND_MISMATCH'
  | 'NOT_DERIVABLE'
  | 'DUPLICATE_DATA_ITEM'
  | 'INVALID_QUOTA'
  | 'UNKNOWN_HOUSEHOLD'
  | 'HOUSEHOLDS_REQUIRED'
  | 'NO_ASSISTANCE_STANDARD'
  | 'INVALID_CHUNK_SIZE'
  | 'REGIONAL_KIND_REQUIRED'
  | 'INVALID_MONTHS'
  | 'TOO_FEW_REVIEWS'
  | 'INVALID_DAY_OF_MONTH'
  | 'INVALID_CONNECTOR_URL'
  | 'INVALID_CONNECTOR_SETTING'
  | 'CREDENTIAL_REQUIRED'
  | 'NOT_LIVE_DATASET'
  | 'NOT_DATASET_PROVIDER'
  | 'SECRET_KEY_MISSING'
  | 'INVALID_CODE'
  | 'OUT_OF_RANGE'
  | 'WEAK_PASSWORD'
  | 'WRONG_PASSWORD'
  | 'INVALID_ARGUMENT'
  | 'NUL_CHARACTER'
  | 'NO_SUBSCRIPTIONS'
  | 'INVALID_INPUT'
  | 'ASSIGNEE_OUTSIDE_OFFICE'
  | 'ATTACHMENT_TOO_LARGE'
  | 'DEPARTMENT_CANNOT_HELP';

/** Why a change was refused although the input was well formed: the thing it acts on is not in a state for it. */
export type ConflictReason =
  | 'INVALID_TRANSITION'
  | 'SELF_APPROVAL'
  | 'STALE_VERSION'
  | 'CODE_TAKEN'
  | 'ALREADY_A_MEMBER'
  | 'MEMBER_OF_ANOTHER_HOUSEHOLD'
  | 'NOT_A_MEMBER'
  | 'APPEAL_WINDOW_CLOSED'
  | 'APPEAL_WINDOW_OPEN'
  | 'ALREADY_APPEALED'
  | 'SAME_OFFICER_APPEAL'
  | 'ALREADY_REFERRED';

function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  // The code and reason come last: an extension can never pass for them.
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function unauthenticatedError(message = 'log in to see this'): GraphQLError {
  return hubError('UNAUTHENTICATED', message);
}

export function forbiddenError(message = 'your role does not allow this'): GraphQLError {
  return hubError('FORBIDDEN', message);
}

export function badUserInputError(
  reason: BadUserInputReason,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return hubError('BAD_USER_INPUT', message, { ...extensions, reason });
}

export function notFoundError(message: string): GraphQLError {
  return hubError('NOT_FOUND', message);
}

export function conflictError(
  reason: ConflictReason,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return hubError('CONFLICT', message, { ...extensions, reason });
}

export function invalidClientCredentialsError(): GraphQLError {
  return hubError('UNAUTHENTICATED', 'invalid client credentials', { reason: 'INVALID_CLIENT' });
}

export function invalidCredentialsError(): GraphQLError {
  return hubError('UNAUTHENTICATED', 'invalid username or password', { reason: 'INVALID_CREDENTIALS' });
}

export function logInThrottledError(retryAt: Date, retryAfterSeconds: number): GraphQLError {
  return hubError(
    'LOG_IN_THROTTLED',
    `too many failed log-ins for this username from your address: try again in ${retryAfterSeconds} s`,
    { retryAt: retryAt.toISOString(), retryAfterSeconds },
  );
}

export function accountDisabledError(): GraphQLError {
  return hubError('ACCOUNT_DISABLED', 'this account is disabled; ask an administrator to enable it');
}

/**
 * Pothos' own refusals of what a caller sent: a malformed or foreign cursor, a negative `first`, `before` with
 * `after`. Thrown as plain errors, they would pass for the hub's faults.
 */
export function isPaginationArgumentError(error: unknown): boolean {
  return error instanceof PothosValidationError;
}

/** A filter naming a region the caller may not reach: refused rather than applied, so it answers nothing. */
export function outsideReachError(regionCode: string): GraphQLError {
  return hubError('FORBIDDEN', `region ${regionCode} is outside your department's reach`, {
    reason: 'OUTSIDE_REACH',
    regionCode,
  });
}
