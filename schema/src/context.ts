import type { Dataset, Department, PrismaClient, User } from '@hub/prisma';

export type UserRole = 'ADMIN' | 'VERIFICATION_OFFICER' | 'AUDITOR';

/** A person logged in to the hub. Partner departments' API clients will be a second kind of viewer. */
export interface UserViewer {
  kind: 'USER';
  userId: string;
  username: string;
  role: UserRole;
  departmentId: string;
  sessionId: string;
}

export type Viewer = UserViewer;

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

export interface HubServices {
  identity: IdentityService;
  datasets: DatasetService;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  requestId: string;
  services: HubServices;
}
