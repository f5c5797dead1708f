import type { Context } from './context.ts';
import { forbiddenError, unauthenticatedError } from './errors.ts';

export interface HubAuthScopes {
  authenticated: boolean;
  administrator: boolean;
  /** Reads the audit trail: auditors, and administrators who answer for the hub. */
  auditor: boolean;
}

/** The one central policy: what each viewer may do. Until the permission engine lands, personal data is ADMIN-only. */
export function hubAuthScopes(context: Context): HubAuthScopes {
  const viewer = context.viewer;
  return {
    authenticated: viewer !== null,
    administrator: viewer?.kind === 'USER' && viewer.role === 'ADMIN',
    auditor: viewer?.kind === 'USER' && (viewer.role === 'AUDITOR' || viewer.role === 'ADMIN'),
  };
}

/** Every type and field that carries personal data (persons, households, department records) requires this. */
export const personalData = { administrator: true } as const;

// An anonymous caller must log in; a logged-in one lacks the role. Neither learns whether the data exists.
export function unauthorizedError(context: Context): Error {
  return context.viewer === null ? unauthenticatedError() : forbiddenError();
}
