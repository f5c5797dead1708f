import type { AccessLevel, Dataset, Department, PrismaClient, Purpose, User } from '@hub/prisma';

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

/** Why a data item was not disclosed. */
export type DenialReason = 'NO_AGREEMENT' | 'CONSENT_REQUIRED' | 'QUOTA_EXCEEDED' | 'NO_PURPOSE';

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
  | { kind: 'ACCOUNT_LOCKED'; lockedUntil: Date }
  | { kind: 'ACCOUNT_DISABLED' };

export interface IdentityService {
  logIn(credentials: { username: string; password: string }): Promise<LogInOutcome>;
  logOut(sessionId: string): Promise<void>;
}

/** A CURRENT dataset snapshot with the department that delivered it: the provenance of every record it holds. */
export interface CurrentSnapshot {
  id: string;
  dataset: Dataset;
  asOf: Date;
  department: Department;
}

export interface DatasetService {
  /** The CURRENT snapshots by id, loaded at most once per request. */
  currentSnapshots(): Promise<ReadonlyMap<string, CurrentSnapshot>>;
}

/** What is wrong at the first broken entry of the audit chain. */
export type AuditChainProblem = 'CONTENT_ALTERED' | 'LINK_BROKEN' | 'ENTRY_MISSING';

/** The audit chain's verification: every entry's hash recomputed, every link and sequence number checked. */
export type AuditChainStatus =
  | { intact: true; entries: number }
  | {
      intact: false;
      /** The entries verified intact before the first broken one. */
      entries: number;
      firstBrokenSequence: bigint;
      firstBrokenId: string;
      problem: AuditChainProblem;
      /** What is wrong, in words a person can act on. */
      detail: string;
    };

export interface AuditService {
  verifyChain(): Promise<AuditChainStatus>;
}

export interface HubServices {
  identity: IdentityService;
  datasets: DatasetService;
  audit: AuditService;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  requestId: string;
  /** The purpose the request declares (header `x-hub-purpose`); null when it declares none. */
  purpose: Purpose | null;
  /** The caller's address as the HTTP server saw it (behind a trusted proxy, the forwarded one). */
  clientAddress: string;
  disclosures: DisclosureLog;
  services: HubServices;
}
