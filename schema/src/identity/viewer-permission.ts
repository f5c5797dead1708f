import { builder } from '../builder.ts';
import type { ViewerPermission } from '../context.ts';

const DESCRIPTIONS: Record<ViewerPermission, string> = {
  API_CLIENTS_MANAGE: "Issue, rotate and revoke departments' API clients.",
  DEPARTMENTS_MANAGE: 'Create and edit departments.',
  USERS_MANAGE: 'Create users, disable them, reset their passwords and change their roles.',
  STANDARDS_MANAGE: "Set regions' assistance standards and policy.",
  STANDARDS_READ: "Read regions' assistance standards.",
  AGREEMENTS_MANAGE: 'Draft, approve, suspend and revoke sharing agreements.',
  AGREEMENTS_READ: 'Read sharing agreements.',
  CONSENTS_RECORD: "Record and withdraw persons' consents (授权).",
  CONSENTS_READ: "Read persons' consents.",
  DISCLOSURES_READ: "Read a person's disclosure record (查询记录).",
  COMPARISONS_RUN: 'Start and cancel comparison runs.',
  COMPARISONS_READ: 'Read comparison runs and their results.',
  CONNECTORS_MANAGE: "Configure departments' live connectors and read their health.",
  REGISTER_EDIT: 'Edit the civil-affairs register (households, members, assistance cases).',
  DATASETS_DELIVER: "Upload the department's dataset snapshots.",
  DISCREPANCY_CASES_WORK: 'Work the discrepancy cases (疑点核查) of the offices within reach.',
  REGIONS_IMPORT: 'Import the administrative-division table.',
  AUDIT_READ: 'Read the audit trail and verify its chain.',
  PERSONS_LOOK_UP: 'Look persons up: the department holds PERSON_IDENTITY under some purpose today.',
  HOUSEHOLDS_LIST: 'List households: the department holds HOUSEHOLD_COMPOSITION at FULL under some purpose today.',
  REQUESTS_SUBMIT: 'Submit and check verification requests (核对申请): civil-affairs staff who run comparisons.',
};

export const VIEWER_PERMISSIONS = Object.keys(DESCRIPTIONS) as ViewerPermission[];

export const ViewerPermissionEnum = builder.enumType('ViewerPermission', {
  values: Object.fromEntries(
    VIEWER_PERMISSIONS.map((permission) => [permission, { description: DESCRIPTIONS[permission] }]),
  ) as Record<ViewerPermission, { description: string }>,
});

builder.queryField('viewerPermissions', (t) =>
  t.field({
    type: [ViewerPermissionEnum],
    description:
      'What the caller may do at all today, decided by the access door, for a client to offer only that. Each ' +
      'request is still decided on its own: a person lookup for its declared purpose, a subject within reach.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, { access }) => access.viewerPermissions(),
  }),
);
