import type { UserRole } from '../hub-session.ts';

/**
 * What each role may open in the portal. It only hides what would be refused: the hub decides every request itself
 * (schema/src/scopes.ts), so this mirrors those scopes and never widens them.
 */
const RESOURCES_BY_ROLE: Record<UserRole, Record<string, readonly string[]>> = {
  ADMIN: {
    dashboard: ['list'],
    Department: ['list', 'show', 'create', 'edit'],
    ApiClient: ['list', 'create', 'edit'],
    SharingAgreement: ['list', 'show', 'create', 'edit'],
    Consent: ['list', 'create', 'edit'],
    Person: ['list', 'show'],
    Household: ['list', 'show', 'create', 'edit'],
    VerificationRequest: ['list', 'show', 'create'],
    AssistanceStandard: ['list', 'create', 'edit'],
    ComparisonRun: ['list', 'show', 'create'],
    HouseholdAssessment: ['list', 'show'],
    AuditEntry: ['list'],
    AuditRequest: ['list'],
    DatasetSnapshot: ['list'],
    DatasetUpload: ['list'],
    RegionImport: ['list'],
  },
  VERIFICATION_OFFICER: {
    dashboard: ['list'],
    SharingAgreement: ['list', 'show'],
    Consent: ['list', 'create', 'edit'],
    Person: ['list', 'show'],
    Household: ['list', 'show', 'create', 'edit'],
    VerificationRequest: ['list', 'show', 'create'],
    AssistanceStandard: ['list'],
    ComparisonRun: ['list', 'show', 'create'],
    HouseholdAssessment: ['list', 'show'],
    DatasetUpload: ['list'],
  },
  AUDITOR: {
    dashboard: ['list'],
    SharingAgreement: ['list', 'show'],
    AuditEntry: ['list'],
    AuditRequest: ['list'],
  },
};

export function roleMayAccess(role: UserRole | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  return RESOURCES_BY_ROLE[role]?.[resource]?.includes(action) ?? false;
}

// Opened from inside another screen (a department's clients, a run's results, the audit log's requests), never from
// the menu.
const NESTED_RESOURCES = new Set(['dashboard', 'ApiClient', 'HouseholdAssessment', 'AuditRequest']);

/** The resources whose menu entry a role sees, in menu order. */
export function menuResourcesFor(role: UserRole | undefined): string[] {
  if (!role) return [];
  return Object.keys(RESOURCES_BY_ROLE[role]).filter((resource) => !NESTED_RESOURCES.has(resource));
}
