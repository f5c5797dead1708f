// The session the hub issued at log-in, kept in this tab's sessionStorage: closing the tab forgets it.
const SESSION_KEY = 'hub.session';
const PURPOSE_KEY = 'hub.purpose';

export type UserRole = 'ADMIN' | 'VERIFICATION_OFFICER' | 'AUDITOR';

export interface HubSession {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; role: UserRole; department: { id: string; name: string } };
  /** What the hub's access door says this user may do (`viewerPermissions`), read once at log-in. */
  permissions: string[];
}

export function readSession(): HubSession | null {
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored) return null;
  const session = JSON.parse(stored) as HubSession;
  return Date.parse(session.expiresAt) > Date.now() ? session : null;
}

export function saveSession(session: HubSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The purpose person queries declare in `x-hub-purpose`; the user picks it, 低保 unless changed. */
export function readPurpose(): string {
  return sessionStorage.getItem(PURPOSE_KEY) ?? 'MINIMUM_LIVING_GUARANTEE';
}

export function savePurpose(purpose: string): void {
  sessionStorage.setItem(PURPOSE_KEY, purpose);
}

/** fetch with the session's bearer token and the declared purpose, for /graphql and the hub's plain routes alike. */
export function hubFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const session = readSession();
  if (session && !headers.has('authorization')) headers.set('authorization', `Bearer ${session.token}`);
  headers.set('x-hub-purpose', readPurpose());
  return fetch(input, { ...init, headers });
}
