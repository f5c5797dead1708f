import type { Context, UserRole } from './context.ts';
import { forbiddenError, unauthenticatedError } from './errors.ts';

export interface HubAuthScopes {
  authenticated: boolean;
  administrator: boolean;
  /** Partner departments' API clients, administrators and verification officers: callers who ask about persons. */
  dataConsumer: boolean;
  /** A named permission of the viewer's role (a scope loader: `authScopes: { can: 'agreements:manage' }`). */
  can: Permission;
  /** Reads the audit trail: auditors, and administrators who answer for the hub. */
  auditor: boolean;
  /** Reach, declared on the types (`authScopes: (person) => ({ reachesPerson: person.id })`): the access door's. */
  reachesPerson: string;
  reachesHousehold: string;
  reachesComparisonRun: string;
  reachesRegion: string;
}

type ScopeLoader<Parameter> = (parameter: Parameter) => boolean | Promise<boolean>;

/** How each scope is decided for one request; a loader takes the scope's parameter. */
export type HubScopeLoaders = {
  [Scope in keyof HubAuthScopes]: HubAuthScopes[Scope] extends boolean ? boolean : ScopeLoader<HubAuthScopes[Scope]>;
};

// Which user roles hold each permission; API clients hold none of these. Anything not listed is denied.
const PERMISSIONS = {
  'apiClients:manage': ['ADMIN'],
  'departments:manage': ['ADMIN'],
  'users:manage': ['ADMIN'],
  'standards:manage': ['ADMIN'],
  'standards:read': ['ADMIN', 'VERIFICATION_OFFICER'],
  'agreements:manage': ['ADMIN'],
  'agreements:read': ['ADMIN', 'VERIFICATION_OFFICER', 'AUDITOR'],
  'consents:record': ['ADMIN', 'VERIFICATION_OFFICER'],
  'consents:read': ['ADMIN', 'VERIFICATION_OFFICER'],
  // A person's disclosure record (查询记录), for the counter that hands it to them and for auditors.
  'disclosures:read': ['ADMIN', 'VERIFICATION_OFFICER', 'AUDITOR'],
  'comparisons:run': ['ADMIN', 'VERIFICATION_OFFICER'],
  'comparisons:read': ['ADMIN', 'VERIFICATION_OFFICER'],
  // A connector's settings say where the hub sends persons' identity numbers: administrators only.
  'connectors:manage': ['ADMIN'],
  // The civil-affairs register: its own staff only (the service also requires a CIVIL_AFFAIRS department).
  'register:edit': ['ADMIN', 'VERIFICATION_OFFICER'],
  // A department's staff upload its own dataset snapshots in the portal (the delivery checks the department's
  // kind and agreement, exactly as for its API client).
  'datasets:deliver': ['ADMIN', 'VERIFICATION_OFFICER'],
  // 疑点核查: civil affairs' officers work the cases of the offices within reach (the access door says which).
  'discrepancyCases:work': ['ADMIN', 'VERIFICATION_OFFICER'],
  // The administrative-division table every region filter and reach rests on (POST /regions/imports).
  'regions:import': ['ADMIN'],
} as const satisfies Record<string, readonly UserRole[]>;

/** A named permission of a user's role (`users:manage`); the list above is the only place they are named. */
export type Permission = keyof typeof PERMISSIONS;

/** `users:manage` → USERS_MANAGE, `apiClients:manage` → API_CLIENTS_MANAGE: a permission as `viewerPermissions` names it. */
export type PermissionEnumName<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends ':' ? '_' : Head extends Lowercase<Head> ? Uppercase<Head> : `_${Head}`}${PermissionEnumName<Tail>}`
  : '';

/** The named permissions a viewer's role holds; none for an API client. */
export function permissionsOf(viewer: Context['viewer']): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => viewerHolds(viewer, permission));
}

/** Whether a viewer's role holds a named permission; API clients hold none of them. */
export function viewerHolds(viewer: Context['viewer'], permission: Permission): boolean {
  return viewer?.kind === 'USER' && (PERMISSIONS[permission] as readonly UserRole[]).includes(viewer.role);
}

/** The one central policy: what each viewer may do. Which data items it may see is the permission engine's. */
export function hubAuthScopes(context: Context): HubScopeLoaders {
  const viewer = context.viewer;
  return {
    authenticated: viewer !== null,
    administrator: viewer?.kind === 'USER' && viewer.role === 'ADMIN',
    dataConsumer: viewer?.kind === 'API_CLIENT' || (viewer?.kind === 'USER' && viewer.role !== 'AUDITOR'),
    can: (permission) => viewerHolds(viewer, permission),
    auditor: viewer?.kind === 'USER' && (viewer.role === 'AUDITOR' || viewer.role === 'ADMIN'),
    reachesPerson: (id) => context.access.reachesPerson({ id }),
    reachesHousehold: (id) => context.access.reachesHousehold(id),
    reachesComparisonRun: async (id) => (await context.access.findReachableRun(id)) !== null,
    reachesRegion: (code) => context.access.reachesRegion(code),
  };
}

/**
 * Every type and field that carries personal data requires this; auditors read the audit trail, not the data.
 * What such a caller then sees, field by field, is decided by its agreements (schema/src/disclosure).
 */
export const personalData = { dataConsumer: true } as const;

/** A person's data, within reach: outside it, the type refuses every field (a root lookup already answers null). */
export const personalDataOf = (person: { id: string }) => ({ ...personalData, reachesPerson: person.id });

export const householdDataOf = (household: { id: string }) => ({ ...personalData, reachesHousehold: household.id });

// An anonymous caller must log in; a logged-in one lacks the role. Neither learns whether the data exists.
export function unauthorizedError(context: Context): Error {
  return context.viewer === null ? unauthenticatedError() : forbiddenError();
}

/** The id of the user behind a request that a user-only scope (`can`) has already let through. */
export function viewerUserId(context: Context): string {
  if (context.viewer?.kind !== 'USER') throw unauthorizedError(context);
  return context.viewer.userId;
}
