/**
 * A thing the signed-in viewer may do, as the hub's `viewerPermissions` tells it (decided by its access door, from
 * the role, the department and its agreements). The portal only hides what would be refused: the hub decides every
 * request itself.
 */
export const VIEWER_PERMISSIONS = [
  'API_CLIENTS_MANAGE',
  'DEPARTMENTS_MANAGE',
  'USERS_MANAGE',
  'STANDARDS_MANAGE',
  'STANDARDS_READ',
  'AGREEMENTS_MANAGE',
  'AGREEMENTS_READ',
  'CONSENTS_RECORD',
  'CONSENTS_READ',
  'DISCLOSURES_READ',
  'COMPARISONS_RUN',
  'COMPARISONS_READ',
  'CONNECTORS_MANAGE',
  'REGISTER_EDIT',
  'DATASETS_DELIVER',
  'DISCREPANCY_CASES_WORK',
  'REGIONS_IMPORT',
  'AUDIT_READ',
  'PERSONS_LOOK_UP',
  'HOUSEHOLDS_LIST',
  'REQUESTS_SUBMIT',
] as const;

/** The printed schema's `ViewerPermission` enum; `resource-permissions.test.ts` fails when the two differ. */
export type ViewerPermission = (typeof VIEWER_PERMISSIONS)[number];

type Actions = Partial<Record<'list' | 'show' | 'create' | 'edit', ViewerPermission>>;
const reading = (permission: ViewerPermission): Actions => ({ list: permission, show: permission });

/** Which permission each screen of each resource needs, in menu order. */
const RESOURCES: Record<string, Actions> = {
  Department: { ...reading('DEPARTMENTS_MANAGE'), create: 'DEPARTMENTS_MANAGE', edit: 'DEPARTMENTS_MANAGE' },
  User: { list: 'USERS_MANAGE', create: 'USERS_MANAGE' },
  ApiClient: { list: 'API_CLIENTS_MANAGE', create: 'API_CLIENTS_MANAGE', edit: 'API_CLIENTS_MANAGE' },
  DepartmentConnector: { list: 'CONNECTORS_MANAGE' },
  SharingAgreement: { ...reading('AGREEMENTS_READ'), create: 'AGREEMENTS_MANAGE', edit: 'AGREEMENTS_MANAGE' },
  Consent: { list: 'CONSENTS_READ', create: 'CONSENTS_RECORD', edit: 'CONSENTS_RECORD' },
  Person: reading('PERSONS_LOOK_UP'),
  Household: { ...reading('HOUSEHOLDS_LIST'), create: 'REGISTER_EDIT', edit: 'REGISTER_EDIT' },
  VerificationRequest: { ...reading('REQUESTS_SUBMIT'), create: 'REQUESTS_SUBMIT' },
  AssistanceStandard: { list: 'STANDARDS_READ', create: 'STANDARDS_MANAGE', edit: 'STANDARDS_MANAGE' },
  ComparisonRun: { ...reading('COMPARISONS_READ'), create: 'COMPARISONS_RUN' },
  HouseholdAssessment: reading('COMPARISONS_READ'),
  DiscrepancyCase: reading('DISCREPANCY_CASES_WORK'),
  AuditEntry: { list: 'AUDIT_READ' },
  AuditRequest: { list: 'AUDIT_READ' },
  // Administrators watch every department's deliveries.
  DatasetSnapshot: { list: 'DEPARTMENTS_MANAGE' },
  DatasetUpload: { list: 'DATASETS_DELIVER' },
  RegionImport: { list: 'REGIONS_IMPORT' },
};

/** Whether the viewer may open a resource's screen; the dashboard is every signed-in viewer's. */
export function mayAccess(permissions: readonly string[] | undefined, resource: string, action: string): boolean {
  if (!permissions) return false;
  if (resource === 'dashboard') return true;
  const needed = RESOURCES[resource]?.[action as keyof Actions];
  return needed !== undefined && permissions.includes(needed);
}

// Opened from inside another screen (a department's clients, a run's results, the audit log's requests), never from
// the menu.
const NESTED_RESOURCES = new Set(['ApiClient', 'HouseholdAssessment', 'AuditRequest']);

/** The resources whose menu entry the viewer sees, in menu order. */
export function menuResourcesFor(permissions: readonly string[] | undefined): string[] {
  return Object.keys(RESOURCES).filter(
    (resource) => !NESTED_RESOURCES.has(resource) && mayAccess(permissions, resource, 'list'),
  );
}
