import type {
  AccessLevel,
  ApiClient,
  AreaType,
  AssistanceKind,
  AssistanceStandard,
  BenefitMethod,
  CaseReferralStatus,
  CaseStatus,
  ComparisonKind,
  Consent,
  Dataset,
  Department,
  DepartmentKind,
  DiscrepancyCaseAction,
  DiscrepancyDismissalReason,
  FloorReading,
  Household,
  IncomeKind,
  LineReading,
  Person,
  PrismaClient,
  Purpose,
  ReferralNeed,
  Relation,
  SharingAgreement,
  SnapshotSource,
  User,
  VehicleType,
} from '@hub/prisma';
import type { PolicyRuleCode } from '@hub/prisma/policy/policy-rules';
import type { Permission, PermissionEnumName } from './scopes.ts';
import type { VerificationRequestInput } from './verification-requests/verification-request-input.ts';

export type UserRole = 'ADMIN' | 'VERIFICATION_OFFICER' | 'AUDITOR';

/** A person logged in to the hub with a password and a session. */
export interface UserViewer {
  kind: 'USER';
  userId: string;
  username: string;
  role: UserRole;
  departmentId: string;
  sessionId: string;
}

/** A partner department's API client, authenticated by a short-lived access token exchanged for its secret. */
export interface ApiClientViewer {
  kind: 'API_CLIENT';
  apiClientId: string;
  /** The public client id, e.g. "hc_3f9a…": the name it appears under in the audit trail. */
  clientId: string;
  departmentId: string;
  tokenId: string;
}

/** Every request is tied to one identity and one department, or is anonymous (null) and sees no personal data. */
export type Viewer = UserViewer | ApiClientViewer;

/**
 * Who makes an administrative change, as its typed audit event records it: a user through a request, a
 * department's API client (a snapshot it delivers), or the hub itself (a command, the demo's set-up), which has no user and a request id of its own.
 */
export interface ChangeActor {
  kind: 'USER' | 'API_CLIENT' | 'SYSTEM';
  userId: string | null;
  apiClientId: string | null;
  /** A username, an API client's client id, or 'hub' for the hub itself. */
  name: string;
  departmentId: string | null;
  requestId: string;
  clientAddress: string | null;
  /** The mutation or command that made the change. */
  operation: string;
}

/**
 * A thing a viewer may do, as `viewerPermissions` tells a client: a role's permission (`users:manage` is
 * USERS_MANAGE), or what its department's agreements and kind allow (looking persons up, listing households,
 * submitting verification requests, reading the audit trail).
 */
export type ViewerPermission =
  | PermissionEnumName<Permission>
  | 'AUDIT_READ'
  | 'PERSONS_LOOK_UP'
  | 'HOUSEHOLDS_LIST'
  | 'REQUESTS_SUBMIT';

/** Why a data item was not disclosed. */
export type DenialReason = 'NO_AGREEMENT' | 'CONSENT_REQUIRED' | 'QUOTA_EXCEEDED' | 'INSUFFICIENT_ACCESS_LEVEL';

/** What the caller may see of one data item for one subject: the best level its agreements give, or why none. */
export type ItemAccess =
  | { level: AccessLevel; agreementIds: readonly string[] }
  | { level: null; reason: Exclude<DenialReason, 'INSUFFICIENT_ACCESS_LEVEL'> };

/**
 * The access door as one request sees it (server/src/access): reach (which regions, persons, households and runs
 * the caller's department may reach at all) and disclosure (the union of the active agreements for the caller's
 * department and declared purpose at this moment, the subjects' consents, and the agreements' daily quotas).
 * Outside reach, or without an agreement that discloses it, a subject looks exactly like one that does not exist.
 */
export interface AccessDecider {
  /**
   * A lookup of subjects tells whether they exist: it needs an agreement for the declared purpose (civil affairs
   * holds the spine itself). Throws the request's reason otherwise, the same whether the subject exists or not,
   * and records the refusal of `itemCode` (what the lookup would disclose) for the audit trail, about the subject
   * asked for when the hub holds it (`subject`, read only on refusal), so the subject can be shown who tried.
   */
  requireReach(itemCode: string, subject?: () => Promise<DisclosureSubject | null>): Promise<void>;
  /**
   * The provider departments whose records of the item the caller may see at `need` (RECORD: FULL or MASKED;
   * FACT: any level), or 'ANY' for the hub's own spine items, which have no per-record provider. With a subject,
   * exactly those whose records of that subject it may see (consent included); without, the agreements' providers.
   */
  providersFor(
    itemCode: string,
    need: 'RECORD' | 'FACT',
    subject?: DisclosureSubject,
  ): Promise<readonly string[] | 'ANY'>;
  /**
   * The regions whose households the caller may reach at all: civil affairs works within its own region and the
   * regions below it; every other department reaches what its agreements give it ('ALL').
   */
  reachableRegions(): Promise<ReadonlySet<string> | 'ALL'>;
  reachesRegion(regionCode: string | null | undefined): Promise<boolean>;
  /** A person's region is their household's, or for one without a household (or unknown), their number's. */
  reachesPerson(person: { id: string } | { idNumber: string }): Promise<boolean>;
  reachesHousehold(householdId: string): Promise<boolean>;
  /** The run, if within reach: its region, or for an application run every household of it; else null. */
  findReachableRun(runId: string): Promise<{ id: string; kind: ComparisonKind } | null>;
  /** The runs within reach, for a list; 'ALL' when the caller's reach is not limited. */
  reachableRunIds(): Promise<readonly string[] | 'ALL'>;
  /**
   * The codes a filter by region stands for: the region and every region below it. Refused (never applied) when
   * the region is outside the caller's reach, and for households and persons (an answer about where they live)
   * when the caller may not see households' regions (HOUSEHOLD_COMPOSITION at FULL or MASKED). BAD_USER_INPUT for
   * no such region.
   */
  regionFilter(regionCode: string, of: 'RESIDENCE' | 'RUNS'): Promise<readonly string[]>;
  /**
   * The offices (township regions) whose discrepancy cases the caller may see and work: a civil-affairs user's
   * department region and the regions below it; empty for every other caller (deny by default).
   */
  discrepancyCaseOffices(): Promise<ReadonlySet<string>>;
  /**
   * 转介: the department whose referrals the caller may read and answer: an API client declaring CASE_REFERRAL under
   * an active agreement for it that gives the CASE_REFERRAL item. Refuses anyone else (UNAUTHENTICATED, FORBIDDEN,
   * PURPOSE_REQUIRED; FORBIDDEN NO_AGREEMENT without the agreement) and records the refusal.
   */
  caseReferralRecipient(): Promise<CaseReferralRecipient>;
  /**
   * What the viewer may do at all today, for a client to offer only that (the portal's menu): its role's named
   * permissions as its department narrows them, and what its department's agreements let it look up.
   */
  viewerPermissions(): Promise<readonly ViewerPermission[]>;
  /** The access to one item of one subject, from one provider department (null: any, for spine items). */
  decide(itemCode: string, subject: DisclosureSubject, providerDepartmentId: string | null): Promise<ItemAccess>;
}

/**
 * Whom a decision is about: a person (their identity, their department records) or a household (its composition,
 * its assistance), or nobody (a request that reads no personal data). The audit trail writes one entry per subject.
 */
export interface DisclosureSubject {
  subjectPersonId: string | null;
  subjectHouseholdId: string | null;
}

/**
 * One decision of the permission engine about one data item of one subject. The audit trail turns a request's
 * decisions into its entries.
 */
export type Disclosure = DisclosureSubject &
  (
    | {
        outcome: 'DISCLOSED';
        itemCode: string;
        accessLevel: AccessLevel;
        /** The agreements whose union allowed it; empty when the caller's own department provides the item. */
        agreementIds: readonly string[];
      }
    | {
        outcome: 'DENIED';
        itemCode: string;
        reason: DenialReason;
      }
  );

/** The request's record of what it disclosed and refused, kept in memory until the audit writer flushes it. */
export interface DisclosureLog {
  record(disclosure: Disclosure): void;
  /** Marks a subject of this request even when nothing about them was disclosed (a lookup, an audit query). */
  touch(subject: DisclosureSubject): void;
  entries(): readonly Disclosure[];
  /** Subjects touched without a decision; the audit trail writes an entry for each that has no disclosure. */
  touchedSubjects(): readonly DisclosureSubject[];
}

export type LogInOutcome =
  | { kind: 'LOGGED_IN'; token: string; expiresAt: Date; user: User }
  | { kind: 'INVALID_CREDENTIALS' }
  /** This username has failed too often from this source address: it may try again at `retryAt`. */
  | { kind: 'THROTTLED'; retryAt: Date; retryAfterSeconds: number }
  | { kind: 'ACCOUNT_DISABLED' };

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: UserRole;
  departmentId: string;
}

export interface IdentityService {
  logIn(credentials: { username: string; password: string; sourceAddress: string }): Promise<LogInOutcome>;
  logOut(sessionId: string): Promise<void>;
  /**
   * Sets a user's own new password after checking the current one (UNAUTHENTICATED `INVALID_CREDENTIALS` if wrong)
   * and the policy (BAD_USER_INPUT `WEAK_PASSWORD`), and ends the user's other sessions.
   */
  changeOwnPassword(change: {
    userId: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    sourceAddress: string;
    actor: ChangeActor;
  }): Promise<void>;
  /** An administrator sets another user's password (policy checked); every session of that user ends. */
  resetUserPassword(userId: string, newPassword: string, reason: string | null, actor: ChangeActor): Promise<User>;
  /** BAD_USER_INPUT `WEAK_PASSWORD` for a password the policy refuses; CONFLICT `CODE_TAKEN` for a taken username. */
  createUser(input: NewUser, actor: ChangeActor): Promise<User>;
  /** The user can no longer log in and every session ends; CONFLICT `INVALID_TRANSITION` for oneself. */
  disableUser(userId: string, reason: string, actor: ChangeActor): Promise<User>;
  changeUserRole(userId: string, role: UserRole, reason: string, actor: ChangeActor): Promise<User>;
}

/** A CURRENT dataset snapshot with the department that delivered it: the provenance of every record it holds. */
export interface CurrentSnapshot {
  id: string;
  dataset: Dataset;
  source: SnapshotSource;
  asOf: Date;
  department: Department;
}

export interface DatasetService {
  /** The CURRENT snapshots by id, loaded at most once per request. */
  currentSnapshots(): Promise<ReadonlyMap<string, CurrentSnapshot>>;
}

/** A new client secret, in the one answer that shows it; the hub keeps only its argon2id hash. */
export interface ApiClientWithSecret {
  apiClient: ApiClient;
  clientSecret: string;
}

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: Date;
  expiresInSeconds: number;
}

export interface ApiClientService {
  createApiClient(
    input: { departmentId: string; name: string },
    createdById: string,
    actor: ChangeActor,
  ): Promise<ApiClientWithSecret>;
  rotateApiClientSecret(id: string, actor: ChangeActor): Promise<ApiClientWithSecret>;
  revokeApiClient(id: string, actor: ChangeActor): Promise<ApiClient>;
  /** Null for a wrong secret, an unknown client and a revoked one alike. */
  issueAccessToken(credentials: { clientId: string; clientSecret: string }): Promise<IssuedAccessToken | null>;
}

/** Everything an agreement says; an update replaces all of it, items included. */
export interface SharingAgreementTerms {
  code: string;
  title: string;
  providerDepartmentId: string;
  consumerDepartmentId: string;
  purposes: readonly Purpose[];
  validFrom: Date;
  validUntil: Date;
  dailyQueryQuota: number | null;
  items: readonly { dataItemCode: string; accessLevel: AccessLevel }[];
}

/**
 * Each change runs in one transaction that also NOTIFYs `hub_agreements_changed` with the agreement's id and records
 * the change's typed audit event.
 */
export interface SharingAgreementService {
  createSharingAgreement(terms: SharingAgreementTerms, authorId: string, actor: ChangeActor): Promise<SharingAgreement>;
  updateSharingAgreement(id: string, terms: SharingAgreementTerms, expectedVersion: number): Promise<SharingAgreement>;
  submitSharingAgreement(id: string, actor: ChangeActor): Promise<SharingAgreement>;
  approveSharingAgreement(id: string, approverId: string, actor: ChangeActor): Promise<SharingAgreement>;
  returnSharingAgreement(id: string, reason: string, actor: ChangeActor): Promise<SharingAgreement>;
  suspendSharingAgreement(id: string, reason: string, actor: ChangeActor): Promise<SharingAgreement>;
  resumeSharingAgreement(id: string, actor: ChangeActor): Promise<SharingAgreement>;
  revokeSharingAgreement(id: string, reason: string, actor: ChangeActor): Promise<SharingAgreement>;
  /** Only a DRAFT, only by its author: CONFLICT `INVALID_TRANSITION` otherwise, FORBIDDEN for anyone else. */
  deleteSharingAgreement(id: string, authorId: string): Promise<SharingAgreement>;
}

export interface RecordConsentInput {
  personIdNumber: string;
  purposes: readonly Purpose[];
  departmentId: string | null;
  signedOn: Date;
  expiresOn: Date;
  documentReference: string;
}

export interface ConsentService {
  recordConsent(input: RecordConsentInput, recordedById: string, actor: ChangeActor): Promise<Consent>;
  /** Withdrawing twice keeps the first withdrawal's time (and records one event). */
  withdrawConsent(id: string, actor: ChangeActor): Promise<Consent>;
}

/** What is wrong at the first broken entry of the audit chain. */
export type AuditChainProblem =
  | 'CONTENT_ALTERED'
  | 'LINK_BROKEN'
  | 'ENTRY_MISSING'
  | 'TIME_REVERSED'
  | 'FUTURE_DATED'
  | 'CHECKPOINT_MISMATCH'
  | 'CASE_EVENT_ALTERED'
  | 'CASE_EVENT_UNCHAINED';

/** The audit chain's verification: every entry's hash recomputed, every link and sequence number checked. */
export type AuditChainStatus =
  | { intact: true; entries: number }
  | {
      intact: false;
      /** The entries verified intact before the first broken one. */
      entries: number;
      /** The first bad entry, or the first of a range that is missing or differs from a checkpoint. */
      firstBrokenSequence: bigint;
      /** Null when that entry is gone. */
      firstBrokenId: string | null;
      problem: AuditChainProblem;
      /** What is wrong, in words a person can act on. */
      detail: string;
    };

/** One department's requests on one service day, as the audit trail records them. */
export interface QueryVolume {
  /** A service day (China Standard Time) as a UTC-midnight Date. */
  day: Date;
  departmentId: string;
  /** Requests that disclosed something or asked about nobody. */
  allowed: number;
  /** Requests whose every entry was a refusal. */
  denied: number;
}

/** One disclosure about a person, as their disclosure record (查询记录) lists it. */
export interface PersonDisclosure {
  sequence: string;
  occurredAt: Date;
  departmentId: string | null;
  departmentName: string | null;
  actorKind: 'USER' | 'API_CLIENT' | 'SYSTEM' | 'ANONYMOUS';
  purpose: Purpose | null;
  itemsDisclosed: string[];
  /** Disclosed about the household the person belonged to then (its composition), not about them alone. */
  aboutHousehold: boolean;
  agreementCodes: string[];
  /** The signed authorisations (their document references) that covered it. */
  consentReferences: string[];
}

export interface AuditService {
  verifyChain(): Promise<AuditChainStatus>;
  /** Newest first, at most `limit`: the caller has already been let through the access door for this person. */
  disclosuresAbout(personId: string, limit: number): Promise<PersonDisclosure[]>;
  /** Requests per service day and department, from the first day given (YYYY-MM-DD) through today. */
  queryVolume(firstDay: string): Promise<QueryVolume[]>;
}

export type ComparisonKindName =
  | 'APPLICATION'
  | 'PERIODIC_REVIEW'
  | 'DEATH_CHECK'
  | 'STAFF_RELATIVES'
  | 'POPULATION_MONITORING';

export interface StartComparisonRunInput {
  kind: ComparisonKindName;
  regionCode: string | null;
  /** YYYY-MM-DD */
  asOf: string;
  householdIds: readonly string[] | null;
  chunkSize: number | null;
}

export interface HouseholdChange {
  householdId: string;
  previousClassification: string | null;
  classification: string | null;
  addedFlags: string[];
  removedFlags: string[];
}

export interface ComparisonRunDiff {
  runId: string;
  previousRunId: string | null;
  newlyFlagged: HouseholdChange[];
  cleared: HouseholdChange[];
  changedClass: HouseholdChange[];
}

export interface ComparisonRunSummary {
  classifications: { classification: string | null; households: number }[];
  flags: { flag: string; households: number }[];
}

export interface SetComparisonScheduleInput {
  regionCode: string;
  kind: ComparisonKindName | null;
  months: readonly number[] | null;
  dayOfMonth: number | null;
}

/** The verification centre's comparison engine (server/src/comparisons). */
export interface ComparisonService {
  /** Creates the run and its chunks, then works through them in the background; resolves once it is created. */
  startComparisonRun(input: StartComparisonRunInput, startedById: string): Promise<{ id: string }>;
  summarizeComparisonRun(runId: string): Promise<ComparisonRunSummary>;
  diffComparisonRuns(runId: string): Promise<ComparisonRunDiff>;
  /** No further chunk is claimed; CONFLICT INVALID_TRANSITION unless the run is pending or running. */
  cancelComparisonRun(runId: string): Promise<void>;
  /** One schedule per region and kind: setting it again replaces and enables it. */
  setComparisonSchedule(input: SetComparisonScheduleInput, createdById: string): Promise<{ id: string }>;
  /** NOT_FOUND when there is no such schedule. */
  disableComparisonSchedule(id: string): Promise<void>;
  /** Households per flag over the latest COMPLETED run of each kind and region, of the regions given or all. */
  countLatestFindings(regionCodes: ReadonlySet<string> | 'ALL'): Promise<ComparisonRunSummary['flags']>;
}

export interface NewDepartment {
  code: string;
  name: string;
  kind: DepartmentKind;
  regionCode: string;
}

/** What an update may change of a department; an absent field stays as it is. Its code and kind never change. */
export interface DepartmentChanges {
  name?: string | null;
  regionCode?: string | null;
}

export interface DepartmentService {
  /** CONFLICT `CODE_TAKEN` when another department has the code. */
  createDepartment(input: NewDepartment): Promise<Department>;
  updateDepartment(id: string, changes: DepartmentChanges): Promise<Department>;
}

/**
 * A region's standard for one year and area type. Omitted thresholds keep their current value (a new standard
 * takes the schema's defaults); multipliers are decimal strings ("1.5").
 */
export interface AssistanceStandardTerms {
  regionCode: string;
  year: number;
  areaType: AreaType;
  minimumLivingMonthlyFen: number;
  lowIncomeMultiplier?: string | null;
  extremePovertyMultiplier?: string | null;
  emergencyAssistanceMultiplier?: string | null;
  expenditureAssistanceMultiplier?: string | null;
  individualAssistanceMultiplier?: string | null;
  financialAssetMonths?: number | null;
  maxHomes?: number | null;
  /** null: no vehicle is exempt; omitted: stays as it is. */
  exemptVehicleMaxValueFen?: bigint | null;
  employmentCostDeductionFen?: number | null;
  gracePeriodMonths?: number | null;
  /** The version's first day, within `year`; omitted: 1 January. */
  effectiveFrom?: Date | null;
  minimumLivingLine?: LineReading | null;
  lowIncomeLine?: LineReading | null;
  lowIncomeFloor?: FloorReading | null;
  extremePovertyLine?: LineReading | null;
  financialAssetLine?: LineReading | null;
  exemptVehicleValueLine?: LineReading | null;
  residentialAreaLine?: LineReading | null;
  extremePovertyMinorUntilAge?: number | null;
  extremePovertyElderlyFromAge?: number | null;
  /** null: no area cap; omitted: stays as it is. */
  residentialAreaPerPersonCapM2?: string | null;
  exemptVehicleTypes?: VehicleType[] | null;
  excludedIncomeKinds?: IncomeKind[] | null;
  benefitMethod?: BenefitMethod | null;
  benefitTiers?: { perCapitaIncomeBelowFen: number; monthlyPerMemberFen: number }[] | null;
  minimumBenefitFen?: number | null;
  severeDisabilityExtraFen?: number | null;
  oldAgeExtraFen?: number | null;
  oldAgeExtraFromAge?: number | null;
  /** Each replaces the citation of its rule; the others stay. */
  citations?: { rule: PolicyRuleCode; document: string; paragraph: string }[] | null;
}

export interface AssistanceStandardService {
  /**
   * Creates or replaces the policy version of its region, area type and effective date, and records the change with
   * its old and new values in the same transaction; BAD_USER_INPUT naming a field out of range.
   */
  setAssistanceStandard(terms: AssistanceStandardTerms, actor: ChangeActor): Promise<AssistanceStandard>;
}

/** What an administrator configures of a department's live connector; omitted settings keep their defaults. */
export interface ConfigureDepartmentConnectorInput {
  departmentId: string;
  datasets: readonly Dataset[];
  baseUrl: string;
  /** Required for a new connector; omitted, an existing connector keeps its credential. */
  credential: string | null;
  batchSize: number | null;
  concurrency: number | null;
  timeoutMs: number | null;
  retries: number | null;
  backoffMs: number | null;
  maxBackoffMs: number | null;
  circuitErrorPercentage: number | null;
  circuitMinimumBatches: number | null;
  circuitResetMs: number | null;
  enabled: boolean | null;
}

/** Live connectors to departments' HTTP APIs (server/src/connectors); credentials never leave the service. */
export interface ConnectorService {
  configureDepartmentConnector(input: ConfigureDepartmentConnectorInput, actor: ChangeActor): Promise<{ id: string }>;
  disableDepartmentConnector(id: string, actor: ChangeActor): Promise<{ id: string }>;
  /** CLOSED, OPEN or HALF_OPEN, as the connector's circuit breaker in this process stands. */
  circuit(id: string): 'CLOSED' | 'OPEN' | 'HALF_OPEN';
}

/** One member as the register states it: who, and how they relate to the head. */
export interface RegisterMemberInput {
  idNumber: string;
  name: string;
  relation: Relation;
}

export interface RegisterHouseholdInput {
  regionCode: string;
  areaType: AreaType;
  address: string;
  /** 户编号 in the civil-affairs business system; unique when given. */
  registerNumber: string | null;
  /** The day the composition takes effect: each member's membership starts on it. */
  validFrom: Date;
  members: readonly RegisterMemberInput[];
}

export interface RecordAssistanceCaseInput {
  householdId: string;
  caseNumber: string | null;
  kind: AssistanceKind;
  status: CaseStatus;
  startedOn: Date;
  endedOn: Date | null;
  monthlyAmountFen: number;
  /** 单人户: the member enrolled alone. */
  singlePersonIdNumber: string | null;
  /** 渐退期: required when the status is GRACE_PERIOD. */
  gracePeriodStartedOn: Date | null;
}

/** What an update may change of a household; an absent field stays as it is. */
export interface HouseholdChanges {
  regionCode?: string | null;
  areaType?: AreaType | null;
  address?: string | null;
  /** Null or empty removes the 户编号; absent keeps it. */
  registerNumber?: string | null;
}

/** What an update may change of a case; an absent field stays as it is. */
export interface AssistanceCaseChanges {
  status?: CaseStatus | null;
  endedOn?: Date | null;
  monthlyAmountFen?: number | null;
  gracePeriodStartedOn?: Date | null;
}

/**
 * The civil-affairs register (server/src/register), edited one record at a time by civil-affairs staff
 * (`editorId`, a user of a CIVIL_AFFAIRS department). Each change is one transaction; bad input changes nothing.
 */
export interface RegisterService {
  registerHousehold(input: RegisterHouseholdInput, editorId: string): Promise<{ id: string }>;
  /** Corrects the household's region, area type, address or 户编号; members and cases stay. */
  updateHousehold(householdId: string, changes: HouseholdChanges, editorId: string): Promise<{ id: string }>;
  addHouseholdMember(
    householdId: string,
    member: RegisterMemberInput & { joinedOn: Date },
    editorId: string,
  ): Promise<{ id: string }>;
  /** The person is no longer a member from `leftOn`; the history keeps the membership until then. */
  endHouseholdMembership(
    householdId: string,
    member: { idNumber: string; leftOn: Date },
    editorId: string,
  ): Promise<{ id: string }>;
  recordAssistanceCase(
    input: RecordAssistanceCaseInput,
    editorId: string,
  ): Promise<{ id: string; householdId: string }>;
  updateAssistanceCase(
    id: string,
    changes: AssistanceCaseChanges,
    editorId: string,
  ): Promise<{ id: string; householdId: string }>;
}

/** Who submits verification requests: a civil-affairs office's user or the civil-affairs system's API client. */
export interface RequestSubmitterViewer {
  departmentId: string;
  userId: string | null;
  apiClientId: string | null;
  reach: ReadonlySet<string> | 'ALL';
}

/** The outcome of a submission: each request by its position, saved with its id or refused with its problems. */
export interface SubmittedRequests {
  accepted: { index: number; id: string; householdId: string }[];
  rejected: { index: number; problems: { field: string; problem: string; message: string }[] }[];
}

/** One line of a verification report: declared (申报) against found (核对), each with its source. */
export interface DeclaredFoundLine {
  category: string;
  memberIdNumber: string | null;
  source: string;
  declaredFen: bigint | null;
  foundFen: bigint | null;
  differenceFen: bigint | null;
  evidence: { departmentId: string; dataset: string; snapshotId: string; recordId: string; amountFen: string }[];
}

/** Verification requests (核对申请, server/src/requests). */
export interface VerificationRequestService {
  /** Each request is checked and saved whole or refused whole; FORBIDDEN unless the submitter is civil affairs. */
  submitVerificationRequests(
    inputs: readonly VerificationRequestInput[],
    submitter: RequestSubmitterViewer,
  ): Promise<SubmittedRequests>;
  checkVerificationRequests(
    input: { requestIds: readonly string[]; asOf: string | null },
    startedById: string,
  ): Promise<{ runId: string }>;
  compareDeclaredWithFound(requestId: string): Promise<DeclaredFoundLine[]>;
}

/** Who works a discrepancy case, and the offices whose cases the access door lets them reach. */
export interface DiscrepancyCaseActor {
  userId: string;
  username: string;
  offices: ReadonlySet<string>;
  /** The request, as the step's entry in the audit chain records it. */
  change: ChangeActor;
}

/** A decision on a case: the finding confirmed with what follows, or dismissed with its reason. */
export type DiscrepancyCaseDecision =
  | { outcome: 'CONFIRMED'; action: DiscrepancyCaseAction; note: string | null }
  | { outcome: 'DISMISSED'; dismissalReason: DiscrepancyDismissalReason; note: string | null };

/** A small file kept with a case, as sent (base64). */
export interface DiscrepancyCaseFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/** The dashboard's figures for one office or one flag: cases open, overdue, and decided by their due date. */
export interface DiscrepancyCaseFigures {
  key: string;
  open: number;
  overdue: number;
  resolved: number;
  resolvedInTime: number;
}

/** Discrepancy cases (疑点核查, server/src/discrepancy-cases): every step checked, applied and recorded at once. */
export interface DiscrepancyCaseService {
  assign(caseId: string, assigneeId: string, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  recordVisit(
    caseId: string,
    visit: { visitedOn: Date; notes: string },
    actor: DiscrepancyCaseActor,
  ): Promise<{ id: string }>;
  recordExplanation(caseId: string, explanation: string, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  attach(caseId: string, file: DiscrepancyCaseFile, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  decide(caseId: string, decision: DiscrepancyCaseDecision, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  appeal(caseId: string, evidence: string, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  decideAppeal(caseId: string, decision: DiscrepancyCaseDecision, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  close(caseId: string, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  /** 转介: refers the case's household to a department for the help it needs (any case not CLOSED). */
  refer(caseId: string, referral: CaseReferralInput, actor: DiscrepancyCaseActor): Promise<{ id: string }>;
  /** The referrals made to a department, newest first, as the department is shown them. */
  referralsTo(departmentId: string, status: CaseReferralStatus | null): Promise<DepartmentReferral[]>;
  /** The department's answer, recorded on the case as a REFERRAL_ANSWERED event. */
  answerReferral(
    referralId: string,
    answer: CaseReferralAnswer,
    recipient: ReferralRecipientActor,
  ): Promise<DepartmentReferral>;
  /** Today in China Standard Time (YYYY-MM-DD), by the service's clock: what "overdue" is measured against. */
  today(): string;
  /** The last day of a window of `days` calendar days from today. */
  dueWithin(days: number): string;
  figures(offices: ReadonlySet<string>, by: 'OFFICE' | 'FLAG'): Promise<DiscrepancyCaseFigures[]>;
}

export interface CaseReferralInput {
  departmentId: string;
  needs: readonly ReferralNeed[];
  reason: string;
}

export interface CaseReferralAnswer {
  status: Exclude<CaseReferralStatus, 'REFERRED'>;
  text: string;
}

/** The department answering a referral through its API client, as the case's event and the audit chain record it. */
export interface ReferralRecipientActor {
  departmentId: string;
  change: ChangeActor;
}

/** A referral as the receiving department sees it: the minimum (the head's masked name, the region, the needs). */
export interface DepartmentReferral {
  id: string;
  householdId: string;
  referredAt: Date;
  regionCode: string;
  regionName: string;
  /** Always masked (张*), whatever the agreement's level. */
  headName: string | null;
  needs: ReferralNeed[];
  reason: string;
  status: CaseReferralStatus;
  answer: string | null;
  answeredAt: Date | null;
}

/** The department whose referrals a caller reads and answers, and the agreements it does so under. */
export interface CaseReferralRecipient {
  departmentId: string;
  agreementIds: readonly string[];
}

/** One kind of assistance a household receives on a day, and since when: the DERIVED form of its cases. */
export interface CurrentCase {
  kind: AssistanceKind;
  status: CaseStatus;
  startedOn: Date;
}

/**
 * The reads every partner question makes, as prepared `pg` statements rather than Prisma calls (server/src/lookups):
 * they were most of a partner request's CPU time (docs/benchmarks.md). Access is decided before and after, as ever.
 */
export interface LookupService {
  /**
   * The person with this identity number and their household, exactly as Prisma's include would return them, with
   * the household's cases current on `day` as currentCases returns them (empty without a household), in one read.
   */
  personWithHousehold(
    idNumber: string,
    day: Date,
  ): Promise<{ person: Person & { household: Household | null }; currentCases: CurrentCase[] } | null>;
  /** The household's cases current on `day` (active or in the grace period), earliest first. */
  currentCases(householdId: string, day: Date): Promise<CurrentCase[]>;
}

export interface HubServices {
  identity: IdentityService;
  departments: DepartmentService;
  standards: AssistanceStandardService;
  datasets: DatasetService;
  apiClients: ApiClientService;
  agreements: SharingAgreementService;
  consents: ConsentService;
  audit: AuditService;
  comparisons: ComparisonService;
  connectors: ConnectorService;
  register: RegisterService;
  verificationRequests: VerificationRequestService;
  discrepancyCases: DiscrepancyCaseService;
  lookups: LookupService;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  requestId: string;
  /** The purpose the request declares (header `x-hub-purpose`); null when it declares none or an unknown one. */
  purpose: Purpose | null;
  /** The header's value as sent, so that an unknown purpose is reported rather than taken for none. */
  declaredPurpose: string | null;
  /** The caller's address as the HTTP server saw it (behind a trusted proxy, the forwarded one). */
  clientAddress: string;
  disclosures: DisclosureLog;
  access: AccessDecider;
  services: HubServices;
}
