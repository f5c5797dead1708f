import type { Disclosure, DisclosureSubject, Viewer } from '@hub/schema/context';
import { createDisclosureLog } from '@hub/server/audit/disclosure-log';
import { type AuditedRequest, formAuditEntries } from '@hub/server/audit/form-audit-entries';
import { describe, expect, it } from 'vitest';

const PERSON = '11111111-1111-4111-8111-111111111111';
const HOUSEHOLD = '22222222-2222-4222-8222-222222222222';
const OTHER_PERSON = '33333333-3333-4333-8333-333333333333';
const AGREEMENT_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const AGREEMENT_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const officer: Viewer = {
  kind: 'USER',
  userId: '44444444-4444-4444-8444-444444444444',
  username: 'officer1',
  role: 'VERIFICATION_OFFICER',
  departmentId: '55555555-5555-4555-8555-555555555555',
  sessionId: 'session',
};
const partner: Viewer = {
  kind: 'API_CLIENT',
  apiClientId: '66666666-6666-4666-8666-666666666666',
  clientId: 'hc_3f9a',
  departmentId: '77777777-7777-4777-8777-777777777777',
  tokenId: 'token',
};

const aboutPerson: DisclosureSubject = { subjectPersonId: PERSON, subjectHouseholdId: null };
const disclosed = (itemCode: string, agreementIds: string[] = [], subject = aboutPerson): Disclosure => ({
  ...subject,
  outcome: 'DISCLOSED',
  itemCode,
  accessLevel: 'FULL',
  agreementIds,
});
const denied = (itemCode: string, reason: 'NO_AGREEMENT' | 'CONSENT_REQUIRED', subject = aboutPerson): Disclosure => ({
  ...subject,
  outcome: 'DENIED',
  itemCode,
  reason,
});

function request(disclosures: Disclosure[], overrides: Partial<AuditedRequest> = {}): AuditedRequest {
  const log = createDisclosureLog();
  for (const disclosure of disclosures) log.record(disclosure);
  return {
    viewer: officer,
    purpose: 'MINIMUM_LIVING_GUARANTEE',
    requestId: 'request-1',
    clientAddress: '10.0.0.8',
    operation: 'CheckApplicant',
    occurredAt: new Date('2026-12-01T02:00:00Z'),
    disclosures: log,
    refused: false,
    ...overrides,
  };
}

describe('forming audit entries from a request', () => {
  it('writes one ALLOWED entry per subject with the distinct items and the union of agreements', () => {
    const [entry, ...rest] = formAuditEntries(
      request([
        disclosed('VEHICLE', [AGREEMENT_B]),
        disclosed('HUKOU', [AGREEMENT_A]),
        disclosed('VEHICLE', [AGREEMENT_A]),
      ]),
    );
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      occurredAt: new Date('2026-12-01T02:00:00Z'),
      requestId: 'request-1',
      actorKind: 'USER',
      actorName: 'officer1',
      userId: officer.userId,
      apiClientId: null,
      departmentId: officer.departmentId,
      purpose: 'MINIMUM_LIVING_GUARANTEE',
      agreementIds: [AGREEMENT_A, AGREEMENT_B],
      subjectPersonId: PERSON,
      subjectHouseholdId: null,
      operation: 'CheckApplicant',
      itemsDisclosed: ['HUKOU', 'VEHICLE'],
      itemsDenied: [],
      decision: 'ALLOWED',
      reason: null,
      clientAddress: '10.0.0.8',
    });
  });

  it('calls a subject with disclosures and denials PARTIAL, and lists the denials as ITEM:REASON', () => {
    const [entry] = formAuditEntries(
      request([
        disclosed('HUKOU', [AGREEMENT_A]),
        denied('BANK_DEPOSIT', 'NO_AGREEMENT'),
        denied('VEHICLE', 'CONSENT_REQUIRED'),
        denied('BANK_DEPOSIT', 'NO_AGREEMENT'),
      ]),
    );
    expect(entry).toMatchObject({
      itemsDisclosed: ['HUKOU'],
      itemsDenied: ['BANK_DEPOSIT', 'VEHICLE'],
      agreementIds: [AGREEMENT_A],
      decision: 'PARTIAL',
      reason: 'BANK_DEPOSIT:NO_AGREEMENT, VEHICLE:CONSENT_REQUIRED',
    });
  });

  it('calls a subject with denials only DENIED, without agreements', () => {
    const [entry] = formAuditEntries(request([denied('BANK_DEPOSIT', 'NO_AGREEMENT')]));
    expect(entry).toMatchObject({
      itemsDisclosed: [],
      itemsDenied: ['BANK_DEPOSIT'],
      agreementIds: [],
      decision: 'DENIED',
      reason: 'BANK_DEPOSIT:NO_AGREEMENT',
    });
  });

  it('keeps a person and a household apart, each with its own decision', () => {
    const household = { subjectPersonId: null, subjectHouseholdId: HOUSEHOLD };
    const entries = formAuditEntries(
      request([
        disclosed('HUKOU'),
        disclosed('HOUSEHOLD_MEMBERS', [], household),
        denied('ASSISTANCE_CASES', 'NO_AGREEMENT', household),
      ]),
    );
    expect(entries.map((entry) => [entry.subjectPersonId, entry.subjectHouseholdId, entry.decision])).toEqual([
      [PERSON, null, 'ALLOWED'],
      [null, HOUSEHOLD, 'PARTIAL'],
    ]);
  });

  it('writes an empty ALLOWED entry for a touched subject without decisions, and none twice', () => {
    const log = request([disclosed('HUKOU')]);
    log.disclosures.touch(aboutPerson);
    log.disclosures.touch({ subjectPersonId: OTHER_PERSON, subjectHouseholdId: null });
    log.disclosures.touch({ subjectPersonId: OTHER_PERSON, subjectHouseholdId: null });
    const entries = formAuditEntries(log);
    expect(entries.map((entry) => [entry.subjectPersonId, entry.itemsDisclosed, entry.decision])).toEqual([
      [PERSON, ['HUKOU'], 'ALLOWED'],
      [OTHER_PERSON, [], 'ALLOWED'],
    ]);
  });

  it('records a request about nobody in exactly one entry, DENIED when the answer refused the caller', () => {
    expect(formAuditEntries(request([]))).toMatchObject([
      { subjectPersonId: null, subjectHouseholdId: null, decision: 'ALLOWED', itemsDisclosed: [], reason: null },
    ]);
    expect(formAuditEntries(request([], { refused: true }))).toMatchObject([{ decision: 'DENIED' }]);
  });

  it('names an API client by its public client id, and an anonymous caller as anonymous', () => {
    expect(formAuditEntries(request([], { viewer: partner }))[0]).toMatchObject({
      actorKind: 'API_CLIENT',
      actorName: 'hc_3f9a',
      apiClientId: partner.apiClientId,
      userId: null,
      departmentId: partner.departmentId,
    });
    expect(formAuditEntries(request([], { viewer: null }))[0]).toMatchObject({
      actorKind: 'ANONYMOUS',
      actorName: 'anonymous',
      userId: null,
      apiClientId: null,
      departmentId: null,
    });
  });
});
