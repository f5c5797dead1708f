import type { Context } from './context.ts';
import { forbiddenError, unauthenticatedError } from './errors.ts';

export interface HubAuthScopes {
  authenticated: boolean;
  administrator: boolean;
  /** Partner departments' API clients, administrators and verification officers: callers who ask about persons. */
  dataConsumer: boolean;
}

/** The one central policy: what each viewer may do. Which data items it may see is the permission engine's. */
export function hubAuthScopes(context: Context): HubAuthScopes {
  const viewer = context.viewer;
  return {
    authenticated: viewer !== null,
    administrator: viewer?.kind === 'USER' && viewer.role === 'ADMIN',
    dataConsumer: viewer?.kind === 'API_CLIENT' || (viewer?.kind === 'USER' && viewer.role !== 'AUDITOR'),
  };
}

/**
 * Every type and field that carries personal data requires this; auditors read the audit trail, not the data.
 * What such a caller then sees, field by field, is decided by its agreements (schema/src/disclosure).
 */
export const personalData = { dataConsumer: true } as const;

// An anonymous caller must log in; a logged-in one lacks the role. Neither learns whether the data exists.
export function unauthorizedError(context: Context): Error {
  return context.viewer === null ? unauthenticatedError() : forbiddenError();
}
