import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mayAccess, menuResourcesFor, VIEWER_PERMISSIONS } from './resource-permissions.ts';

const OFFICER = [
  'STANDARDS_READ',
  'AGREEMENTS_READ',
  'CONSENTS_RECORD',
  'CONSENTS_READ',
  'COMPARISONS_RUN',
  'COMPARISONS_READ',
  'DATASETS_DELIVER',
];

describe('what the viewer’s permissions open', () => {
  it('gives a civil-affairs officer the casework its department may do', () => {
    const permissions = [...OFFICER, 'PERSONS_LOOK_UP', 'HOUSEHOLDS_LIST', 'REGISTER_EDIT', 'REQUESTS_SUBMIT'];
    expect(menuResourcesFor(permissions)).toEqual([
      'SharingAgreement',
      'Consent',
      'Person',
      'Household',
      'VerificationRequest',
      'AssistanceStandard',
      'ComparisonRun',
      'DatasetUpload',
    ]);
    expect(mayAccess(permissions, 'Household', 'create')).toBe(true);
    expect(mayAccess(permissions, 'SharingAgreement', 'create')).toBe(false);
  });

  it('hides households and 核对申请 from an officer of a department the hub refuses them', () => {
    const bank = [...OFFICER, 'PERSONS_LOOK_UP'];
    expect(menuResourcesFor(bank)).not.toContain('Household');
    expect(menuResourcesFor(bank)).not.toContain('VerificationRequest');
    expect(mayAccess(bank, 'Household', 'create')).toBe(false);
  });

  it('gives users and live connectors to whoever manages them', () => {
    expect(menuResourcesFor(['USERS_MANAGE', 'CONNECTORS_MANAGE'])).toEqual(['User', 'DepartmentConnector']);
    expect(mayAccess(['USERS_MANAGE'], 'User', 'create')).toBe(true);
  });

  it('gives the discrepancy-case inbox to whoever works the cases, and only them', () => {
    expect(menuResourcesFor([...OFFICER, 'DISCREPANCY_CASES_WORK'])).toContain('DiscrepancyCase');
    expect(mayAccess(['DISCREPANCY_CASES_WORK'], 'DiscrepancyCase', 'show')).toBe(true);
    expect(mayAccess(OFFICER, 'DiscrepancyCase', 'list')).toBe(false);
  });

  it('shows nothing to someone not signed in, nor for an unknown resource', () => {
    expect(menuResourcesFor(undefined)).toEqual([]);
    expect(mayAccess(undefined, 'dashboard', 'list')).toBe(false);
    expect(mayAccess([], 'dashboard', 'list')).toBe(true);
    expect(mayAccess(['USERS_MANAGE'], 'Secrets', 'list')).toBe(false);
  });
});

describe('the portal’s names for permissions', () => {
  it('are exactly the printed schema’s ViewerPermission enum, so a new permission cannot empty the menus', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const printed = schema.getType('ViewerPermission');
    if (!isEnumType(printed)) throw new Error('the schema has no ViewerPermission enum');
    expect([...VIEWER_PERMISSIONS].sort()).toEqual(
      printed
        .getValues()
        .map((value) => value.name)
        .sort(),
    );
  });
});
