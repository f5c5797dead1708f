import { describe, expect, it } from 'vitest';
import { menuResourcesFor, roleMayAccess } from './role-permissions.ts';

describe('what each role sees', () => {
  it('gives an administrator every menu', () => {
    expect(menuResourcesFor('ADMIN')).toEqual([
      'Department',
      'SharingAgreement',
      'Consent',
      'Person',
      'Household',
      'VerificationRequest',
      'AssistanceStandard',
      'ComparisonRun',
      'AuditEntry',
      'DatasetSnapshot',
      'DatasetUpload',
      'RegionImport',
    ]);
  });

  it('gives a verification officer the casework and the department’s uploads, and no departments, audit or region tables', () => {
    expect(menuResourcesFor('VERIFICATION_OFFICER')).toEqual([
      'SharingAgreement',
      'Consent',
      'Person',
      'Household',
      'VerificationRequest',
      'AssistanceStandard',
      'ComparisonRun',
      'DatasetUpload',
    ]);
    expect(roleMayAccess('VERIFICATION_OFFICER', 'RegionImport', 'list')).toBe(false);
    expect(roleMayAccess('VERIFICATION_OFFICER', 'VerificationRequest', 'create')).toBe(true);
    expect(roleMayAccess('VERIFICATION_OFFICER', 'SharingAgreement', 'create')).toBe(false);
    expect(roleMayAccess('VERIFICATION_OFFICER', 'AssistanceStandard', 'edit')).toBe(false);
    expect(roleMayAccess('VERIFICATION_OFFICER', 'ComparisonRun', 'create')).toBe(true);
  });

  it('gives an auditor the audit log and agreements to read, and no personal data', () => {
    expect(menuResourcesFor('AUDITOR')).toEqual(['SharingAgreement', 'AuditEntry']);
    expect(roleMayAccess('AUDITOR', 'SharingAgreement', 'edit')).toBe(false);
    expect(roleMayAccess('AUDITOR', 'Person', 'show')).toBe(false);
    expect(roleMayAccess('AUDITOR', 'dashboard', 'list')).toBe(true);
  });

  it('shows nothing to someone not signed in, nor for an unknown resource', () => {
    expect(menuResourcesFor(undefined)).toEqual([]);
    expect(roleMayAccess(undefined, 'dashboard', 'list')).toBe(false);
    expect(roleMayAccess('ADMIN', 'Secrets', 'list')).toBe(false);
    expect(roleMayAccess('ADMIN', 'SharingAgreement', 'delete')).toBe(false);
  });
});
