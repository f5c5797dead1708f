import type { EntryPointWorld, ViewerName } from './entry-point-world.ts';

/**
 * What one viewer gets from one entry point:
 * - UNAUTHENTICATED / FORBIDDEN: refused for who it is (401 / 403 on a route), the same for any subject;
 * - HIDDEN: an answer that says nothing: for a subject the hub holds exactly what it says for one it does not
 *   (same nullness, errors, counts; a route's same status and body);
 * - ANSWERED: what its role and agreements entitle it to (a route: neither 401 nor 403).
 */
export type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'HIDDEN' | 'ANSWERED';
export type Expectations = Record<ViewerName, Outcome>;
type Vars = Record<string, unknown>;

export interface FieldRow {
  /** The variables for a subject the hub holds and, where the field names a subject, for one it does not. */
  vars?: (world: EntryPointWorld, viewer: ViewerName) => { existing: Vars; missing?: Vars };
  /** Overrides the generated selection (`__typename`, a connection's counts). */
  selection?: string;
  expect: Expectations;
  /** Runs after every other row (it ends the caller's session). */
  last?: boolean;
}

export interface RouteRow {
  /** The request for a subject the hub holds and for one it does not. */
  request: (world: EntryPointWorld) => { existing: Request; missing?: Request };
  expect: Expectations;
}

export interface Request {
  path: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

const as = (anonymous: Outcome, others: Outcome, overrides: Partial<Expectations> = {}): Expectations => ({
  anonymous,
  noAgreement: others,
  masked: others,
  derived: others,
  otherOfficer: others,
  auditor: others,
  ...overrides,
});

/** Anyone, logged in or not: the answer holds nothing personal. */
const PUBLIC = as('ANSWERED', 'ANSWERED');
/** Any logged-in caller: catalogues, regions, datasets. */
const SIGNED_IN = as('UNAUTHENTICATED', 'ANSWERED');
/** Administrators only: none of the six. */
const ADMINISTRATORS = as('UNAUTHENTICATED', 'FORBIDDEN');
/** Staff who run or read comparisons; the officer of another region gets only its own region's. */
const STAFF = as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'ANSWERED' });
/** Staff, about a subject of a region the officer of another region does not reach: it looks missing. */
const STAFF_SUBJECT = as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'HIDDEN' });
/** A lookup of persons: a partner with an agreement for its purpose learns whether they exist. */
const LOOKUP = as('UNAUTHENTICATED', 'FORBIDDEN', { masked: 'ANSWERED', derived: 'ANSWERED', otherOfficer: 'HIDDEN' });

/** Agreements bind departments, not regions: every officer and auditor reads them. */
const AGREEMENT_READERS = as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'ANSWERED', auditor: 'ANSWERED' });
/** Its own department's only: the others' look missing. */
const OWN_DEPARTMENT = as('UNAUTHENTICATED', 'ANSWERED', { auditor: 'FORBIDDEN' });

const uuid = (world: EntryPointWorld, key: keyof EntryPointWorld['ids']) => ({
  existing: { id: world.ids[key] },
  missing: { id: world.noId },
});
const household = (world: EntryPointWorld) => ({
  existing: { householdId: world.family.household.id },
  missing: { householdId: world.noId },
});
const idNumber = (name: string) => (world: EntryPointWorld) => ({
  existing: { [name]: world.family.head.idNumber },
  missing: { [name]: world.nobody },
});
const runId = (world: EntryPointWorld) => ({ existing: { runId: world.ids.run }, missing: { runId: world.noId } });

export const QUERY_FIELDS: Record<string, FieldRow> = {
  apiClients: {
    vars: (w) => ({ existing: { departmentId: w.centre.id }, missing: { departmentId: w.noId } }),
    expect: ADMINISTRATORS,
  },
  assessments: { vars: runId, expect: STAFF_SUBJECT },
  assistanceStandard: { vars: (w) => ({ existing: { id: w.noId } }), expect: STAFF },
  assistanceStandards: { expect: STAFF },
  auditChainStatus: { expect: as('UNAUTHENTICATED', 'FORBIDDEN', { auditor: 'ANSWERED' }) },
  auditEntries: { expect: as('UNAUTHENTICATED', 'FORBIDDEN', { auditor: 'ANSWERED' }) },
  auditRequests: { expect: as('UNAUTHENTICATED', 'FORBIDDEN', { auditor: 'ANSWERED' }) },
  // 查询记录: staff at the counter and auditors; a person outside the officer's reach looks unknown.
  disclosuresAbout: {
    vars: idNumber('idNumber'),
    expect: as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'HIDDEN', auditor: 'ANSWERED' }),
  },
  comparisonRun: { vars: (w) => uuid(w, 'run'), expect: STAFF_SUBJECT },
  comparisonRunDiff: { vars: runId, expect: STAFF_SUBJECT },
  comparisonRuns: { expect: STAFF },
  comparisonSchedules: { expect: STAFF },
  consents: { vars: idNumber('personIdNumber'), expect: STAFF_SUBJECT },
  dataItems: { expect: SIGNED_IN },
  // 疑点核查: civil affairs' officers, each its own offices' cases; another region's case looks missing.
  discrepancyCase: { vars: (w) => uuid(w, 'discrepancyCase'), expect: STAFF_SUBJECT },
  discrepancyCaseFigures: { vars: () => ({ existing: { by: 'OFFICE' } }), expect: STAFF },
  discrepancyCases: { expect: STAFF },
  // 转介: only an API client under a CASE_REFERRAL agreement; none of the six holds one.
  caseReferrals: { expect: as('UNAUTHENTICATED', 'FORBIDDEN') },
  datasetFreshness: { expect: SIGNED_IN },
  datasetSnapshots: {
    vars: (w) => ({ existing: { departmentId: w.centre.id }, missing: { departmentId: w.noId } }),
    expect: STAFF_SUBJECT,
  },
  datasets: { expect: SIGNED_IN },
  department: { vars: (w) => ({ existing: { id: w.centre.id }, missing: { id: w.noId } }), expect: SIGNED_IN },
  departmentConnectors: { expect: ADMINISTRATORS },
  departments: { expect: SIGNED_IN },
  household: { vars: (w) => ({ existing: { id: w.family.household.id }, missing: { id: w.noId } }), expect: LOOKUP },
  householdOf: { vars: idNumber('idNumber'), expect: LOOKUP },
  households: { expect: { ...LOOKUP, otherOfficer: 'ANSWERED' } },
  latestFindings: { expect: STAFF },
  me: { expect: PUBLIC },
  person: { vars: idNumber('idNumber'), selection: '{ id }', expect: LOOKUP },
  persons: { vars: idNumber('idNumber'), expect: LOOKUP },
  queryVolume: { expect: as('UNAUTHENTICATED', 'FORBIDDEN', { auditor: 'ANSWERED' }) },
  region: { vars: (w) => ({ existing: { code: w.regions.county.code } }), expect: SIGNED_IN },
  regions: { expect: SIGNED_IN },
  sharingAgreement: { vars: (w) => uuid(w, 'agreement'), expect: AGREEMENT_READERS },
  sharingAgreements: { expect: AGREEMENT_READERS },
  users: { expect: ADMINISTRATORS },
  verificationRequest: { vars: (w) => ({ existing: { id: w.noId } }), expect: OWN_DEPARTMENT },
  verificationRequests: { expect: OWN_DEPARTMENT },
  viewerPermissions: { expect: SIGNED_IN },
};

const date = '2026-12-01';
const member = (w: EntryPointWorld) => ({ idNumber: w.nobody, name: '新成员', relation: 'CHILD' });

const verificationRequest = (w: EntryPointWorld, idNumber: string) => ({
  input: {
    reference: 'R-1',
    kind: 'MINIMUM_LIVING_GUARANTEE',
    submittedOn: date,
    household: { address: '兴庆区民族街1号', areaType: 'URBAN', regionCode: w.regions.county.code },
    members: [{ idNumber, name: '户主', relation: 'HEAD' }],
    authorisation: {
      contentBase64: 'JVBERi0xLjQK',
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      signedBy: [idNumber],
      signedOn: date,
    },
  },
});

export const MUTATION_FIELDS: Record<string, FieldRow> = {
  addHouseholdMember: {
    vars: (w) => ({
      existing: { ...household(w).existing, joinedOn: date, member: member(w) },
      missing: { ...household(w).missing, joinedOn: date, member: member(w) },
    }),
    expect: STAFF_SUBJECT,
  },
  answerCaseReferral: {
    vars: (w) => ({ existing: { id: w.noId, input: { status: 'DONE', text: '已办理' } } }),
    expect: as('UNAUTHENTICATED', 'FORBIDDEN'),
  },
  approveSharingAgreement: { vars: (w) => uuid(w, 'agreement'), expect: ADMINISTRATORS },
  cancelComparisonRun: { vars: (w) => uuid(w, 'run'), expect: STAFF_SUBJECT },
  changeOwnPassword: {
    vars: () => ({ existing: { currentPassword: 'not my password', newPassword: 'a long and unusual passphrase 42' } }),
    selection: '',
    expect: as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'ANSWERED', auditor: 'ANSWERED' }),
  },
  checkVerificationRequests: { vars: (w) => ({ existing: { requestIds: [w.noId] } }), expect: STAFF },
  configureDepartmentConnector: {
    vars: (w) => ({
      existing: { input: { departmentId: w.centre.id, baseUrl: 'https://example.org', datasets: ['VEHICLE'] } },
    }),
    expect: ADMINISTRATORS,
  },
  createApiClient: {
    vars: (w) => ({ existing: { input: { departmentId: w.centre.id, name: 'x' } } }),
    expect: ADMINISTRATORS,
  },
  createDepartment: {
    vars: (w) => ({
      existing: { input: { code: 'X_1', kind: 'BANK', name: 'x', regionCode: w.regions.city.code } },
    }),
    expect: ADMINISTRATORS,
  },
  createSharingAgreement: {
    vars: (w) => ({
      existing: {
        input: {
          code: 'X-1',
          title: 'x',
          consumerDepartmentId: w.centre.id,
          providerDepartmentId: w.centre.id,
          purposes: ['HOUSING_SUBSIDY'],
          items: [],
          validFrom: date,
          validUntil: date,
        },
      },
    }),
    expect: ADMINISTRATORS,
  },
  createUser: {
    vars: (w) => ({
      existing: {
        input: { departmentId: w.centre.id, displayName: 'x', password: 'x', role: 'ADMIN', username: 'x' },
      },
    }),
    expect: ADMINISTRATORS,
  },
  deleteSharingAgreement: { vars: (w) => uuid(w, 'agreement'), expect: ADMINISTRATORS },
  disableComparisonSchedule: { vars: (w) => uuid(w, 'schedule'), expect: STAFF_SUBJECT },
  disableDepartmentConnector: { vars: (w) => uuid(w, 'schedule'), expect: ADMINISTRATORS },
  endHouseholdMembership: {
    vars: (w) => ({
      existing: { ...household(w).existing, idNumber: w.family.child.idNumber, leftOn: date },
      missing: { ...household(w).missing, idNumber: w.family.child.idNumber, leftOn: date },
    }),
    expect: STAFF_SUBJECT,
  },
  issueAccessToken: {
    vars: (w) => ({
      existing: { clientId: w.ids.apiClientId, clientSecret: 'wrong' },
      missing: { clientId: 'hc_nobody', clientSecret: 'wrong' },
    }),
    selection: '{ accessToken }',
    expect: as('HIDDEN', 'HIDDEN'),
  },
  logIn: {
    // A username of its own per viewer: log-in failures are throttled per username and address.
    vars: (w, viewer) => ({
      existing: { username: w.usernames[viewer], password: 'wrong password' },
      missing: { username: `nobody-${viewer}`, password: 'wrong password' },
    }),
    selection: '{ token }',
    expect: as('HIDDEN', 'HIDDEN'),
  },
  logOut: { selection: '', expect: as('UNAUTHENTICATED', 'ANSWERED'), last: true },
  recordAssistanceCase: {
    vars: (w) => ({
      existing: {
        input: {
          ...household(w).existing,
          kind: 'MINIMUM_LIVING_GUARANTEE',
          monthlyAmountFen: 1,
          startedOn: date,
          status: 'ACTIVE',
        },
      },
      missing: {
        input: {
          ...household(w).missing,
          kind: 'MINIMUM_LIVING_GUARANTEE',
          monthlyAmountFen: 1,
          startedOn: date,
          status: 'ACTIVE',
        },
      },
    }),
    expect: STAFF_SUBJECT,
  },
  recordConsent: {
    vars: (w) => {
      const input = (personIdNumber: string) => ({
        personIdNumber,
        purposes: ['MINIMUM_LIVING_GUARANTEE'],
        signedOn: date,
        expiresOn: date,
        documentReference: '授权书-1',
      });
      return { existing: { input: input(w.family.head.idNumber) }, missing: { input: input(w.nobody) } };
    },
    expect: STAFF_SUBJECT,
  },
  registerHousehold: {
    vars: (w) => ({
      existing: {
        input: {
          address: '兴庆区民族街1号',
          areaType: 'URBAN',
          regionCode: w.regions.county.code,
          validFrom: date,
          members: [{ idNumber: w.nobody, name: '新户主', relation: 'HEAD' }],
        },
      },
      missing: {
        input: {
          address: '兴庆区民族街1号',
          areaType: 'URBAN',
          regionCode: '999999',
          validFrom: date,
          members: [{ idNumber: w.nobody, name: '新户主', relation: 'HEAD' }],
        },
      },
    }),
    expect: STAFF_SUBJECT,
  },
  changeUserRole: {
    vars: (w) => ({ existing: { id: w.ids.user, role: 'AUDITOR', reason: 'x' } }),
    expect: ADMINISTRATORS,
  },
  disableUser: {
    vars: (w) => ({ existing: { id: w.ids.user, reason: 'x' } }),
    expect: ADMINISTRATORS,
  },
  resetUserPassword: {
    vars: (w) => ({ existing: { userId: w.ids.user, newPassword: 'a long and unusual passphrase 42' } }),
    expect: ADMINISTRATORS,
  },
  resumeSharingAgreement: { vars: (w) => uuid(w, 'agreement'), expect: ADMINISTRATORS },
  returnSharingAgreement: {
    vars: (w) => ({ existing: { ...uuid(w, 'agreement').existing, reason: 'x' } }),
    expect: ADMINISTRATORS,
  },
  revokeApiClient: { vars: (w) => uuid(w, 'apiClient'), expect: ADMINISTRATORS },
  revokeSharingAgreement: {
    vars: (w) => ({ existing: { ...uuid(w, 'agreement').existing, reason: 'x' } }),
    expect: ADMINISTRATORS,
  },
  rotateApiClientSecret: { vars: (w) => uuid(w, 'apiClient'), expect: ADMINISTRATORS },
  setAssistanceStandard: {
    vars: (w) => ({
      existing: {
        input: { areaType: 'URBAN', minimumLivingMonthlyFen: 1, regionCode: w.regions.county.code, year: 2026 },
      },
    }),
    expect: ADMINISTRATORS,
  },
  setComparisonSchedule: {
    vars: (w) => ({ existing: { input: { regionCode: w.regions.county.code } } }),
    expect: as('UNAUTHENTICATED', 'FORBIDDEN'),
  },
  startComparisonRun: {
    vars: (w) => ({
      existing: { input: { asOf: date, kind: 'PERIODIC_REVIEW', regionCode: w.regions.county.code } },
    }),
    expect: as('UNAUTHENTICATED', 'FORBIDDEN'),
  },
  submitSharingAgreement: { vars: (w) => uuid(w, 'agreement'), expect: ADMINISTRATORS },
  submitVerificationRequest: {
    vars: (w) => ({
      existing: verificationRequest(w, w.family.head.idNumber),
      missing: verificationRequest(w, w.nobody),
    }),
    expect: STAFF_SUBJECT,
  },
  suspendSharingAgreement: {
    vars: (w) => ({ existing: { ...uuid(w, 'agreement').existing, reason: 'x' } }),
    expect: ADMINISTRATORS,
  },
  updateAssistanceCase: {
    vars: (w) => ({
      existing: { id: w.ids.assistanceCase, input: { monthlyAmountFen: 2 } },
      missing: { id: w.noId, input: { monthlyAmountFen: 2 } },
    }),
    expect: STAFF_SUBJECT,
  },
  ...discrepancyCaseSteps(),
  updateHousehold: {
    vars: (w) => ({
      existing: { id: w.family.household.id, input: { address: '兴庆区民族街2号' } },
      missing: { id: w.noId, input: { address: '兴庆区民族街2号' } },
    }),
    expect: STAFF_SUBJECT,
  },
  updateDepartment: {
    vars: (w) => ({
      existing: { id: w.centre.id, input: { name: 'x' } },
      missing: { id: w.noId, input: { name: 'x' } },
    }),
    expect: ADMINISTRATORS,
  },
  updateSharingAgreement: {
    vars: (w) => ({
      existing: {
        id: w.ids.agreement,
        expectedVersion: 1,
        input: {
          code: 'X-1',
          title: 'x',
          consumerDepartmentId: w.centre.id,
          providerDepartmentId: w.centre.id,
          purposes: ['HOUSING_SUBSIDY'],
          items: [],
          validFrom: date,
          validUntil: date,
        },
      },
    }),
    expect: ADMINISTRATORS,
  },
  withdrawConsent: { vars: (w) => uuid(w, 'consent'), expect: STAFF_SUBJECT },
};

// Every step on a case: refused for who the caller is, and another region's case answers as one that does not exist.
function discrepancyCaseSteps(): Record<string, FieldRow> {
  const decision = { outcome: 'CONFIRMED', action: 'STOP' };
  const steps: Record<string, Vars> = {
    assignDiscrepancyCase: { assigneeId: '00000000-0000-4000-8000-000000000000' },
    recordDiscrepancyCaseVisit: { visitedOn: '2026-12-01', notes: '入户' },
    recordDiscrepancyCaseExplanation: { explanation: '说明' },
    attachDiscrepancyCaseFile: { input: { fileName: 'a.txt', mediaType: 'text/plain', contentBase64: 'YQ==' } },
    decideDiscrepancyCase: { input: decision },
    appealDiscrepancyCase: { evidence: '新证据' },
    decideDiscrepancyCaseAppeal: { input: decision },
    closeDiscrepancyCase: {},
    referDiscrepancyCase: {
      input: { departmentId: '00000000-0000-4000-8000-000000000000', needs: ['MEDICAL'], reason: '因病致贫' },
    },
  };
  return Object.fromEntries(
    Object.entries(steps).map(([name, args]) => [
      name,
      {
        vars: (w: EntryPointWorld) => ({
          existing: { id: w.ids.discrepancyCase, ...args },
          missing: { id: w.noId, ...args },
        }),
        expect: STAFF_SUBJECT,
      },
    ]),
  );
}

export const ROUTES: Record<string, RouteRow> = {
  'GET /healthz': { request: () => ({ existing: { path: '/healthz' } }), expect: PUBLIC },
  'GET /readyz': { request: () => ({ existing: { path: '/readyz' } }), expect: PUBLIC },
  'GET /metrics': {
    request: () => ({ existing: { path: '/metrics' } }),
    expect: as('UNAUTHENTICATED', 'UNAUTHENTICATED'),
  },
  'GET /audit/checkpoints': {
    request: () => ({ existing: { path: '/audit/checkpoints' } }),
    expect: as('UNAUTHENTICATED', 'UNAUTHENTICATED'),
  },
  'POST /audit/disclosure-record': {
    request: (w) => {
      const about = (idNumber: string) => ({
        path: '/audit/disclosure-record',
        method: 'POST',
        body: JSON.stringify({ idNumber }),
        headers: { 'content-type': 'application/json' },
      });
      return { existing: about(w.family.head.idNumber), missing: about(w.nobody) };
    },
    expect: as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'HIDDEN', auditor: 'ANSWERED' }),
  },
  'GET /graphql': { request: () => ({ existing: { path: '/graphql?query=%7B__typename%7D' } }), expect: PUBLIC },
  'POST /graphql': {
    request: () => ({
      existing: {
        path: '/graphql',
        method: 'POST',
        body: '{"query":"{ __typename }"}',
        headers: { 'content-type': 'application/json' },
      },
    }),
    expect: PUBLIC,
  },
  'OPTIONS /graphql': { request: () => ({ existing: { path: '/graphql', method: 'OPTIONS' } }), expect: PUBLIC },
  'OPTIONS *': { request: () => ({ existing: { path: '/anything', method: 'OPTIONS' } }), expect: PUBLIC },
  'GET /*': { request: () => ({ existing: { path: '/persons' } }), expect: PUBLIC },
  'POST /oauth/token': {
    request: (w) => {
      const token = (clientId: string) => ({
        path: '/oauth/token',
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' }),
        headers: { 'content-type': 'application/json' },
      });
      return { existing: token(w.ids.apiClientId), missing: token('hc_nobody') };
    },
    expect: as('HIDDEN', 'HIDDEN'),
  },
  'GET /comparisons/:runId/assessments.csv': {
    request: (w) => ({
      existing: { path: `/comparisons/${w.ids.run}/assessments.csv` },
      missing: { path: `/comparisons/${w.noId}/assessments.csv` },
    }),
    expect: STAFF_SUBJECT,
  },
  'GET /comparisons/:runId/assessments.xlsx': {
    request: (w) => ({
      existing: { path: `/comparisons/${w.ids.run}/assessments.xlsx` },
      missing: { path: `/comparisons/${w.noId}/assessments.xlsx` },
    }),
    expect: STAFF_SUBJECT,
  },
  'GET /comparisons/:runId/households/:householdId/report': {
    request: (w) => ({
      existing: { path: `/comparisons/${w.ids.run}/households/${w.family.household.id}/report` },
      missing: { path: `/comparisons/${w.noId}/households/${w.family.household.id}/report` },
    }),
    expect: STAFF_SUBJECT,
  },
  'GET /comparisons/:runId/progress': {
    request: (w) => ({
      existing: { path: `/comparisons/${w.ids.run}/progress` },
      missing: { path: `/comparisons/${w.noId}/progress` },
    }),
    expect: STAFF_SUBJECT,
  },
  'GET /discrepancy-cases.csv': {
    request: () => ({ existing: { path: '/discrepancy-cases.csv' } }),
    expect: STAFF,
  },
  'GET /datasets/snapshots/:id/rejects.csv': {
    request: (w) => ({
      existing: { path: `/datasets/snapshots/${w.ids.snapshot}/rejects.csv` },
      missing: { path: `/datasets/snapshots/${w.noId}/rejects.csv` },
    }),
    expect: as('UNAUTHENTICATED', 'HIDDEN'),
  },
  'PUT /datasets/:dataset/snapshots': {
    request: () => ({
      existing: {
        path: '/datasets/VEHICLE/snapshots?asOf=2026-11-30',
        method: 'PUT',
        body: 'id_number\n',
        headers: { 'content-type': 'text/csv' },
      },
    }),
    expect: as('UNAUTHENTICATED', 'FORBIDDEN'),
  },
  'POST /regions/imports': {
    request: () => ({
      existing: {
        path: '/regions/imports',
        method: 'POST',
        body: 'code,name\n',
        headers: { 'content-type': 'text/csv' },
      },
    }),
    expect: ADMINISTRATORS,
  },
  'POST /verification-requests': {
    request: () => ({
      existing: {
        path: '/verification-requests',
        method: 'POST',
        body: '',
        headers: { 'content-type': 'application/x-ndjson' },
      },
    }),
    expect: as('UNAUTHENTICATED', 'FORBIDDEN', { otherOfficer: 'ANSWERED' }),
  },
};
