import type { AuthProvider } from 'react-admin';
import { mayAccess } from './access/resource-permissions.ts';
import { resetDataProvider } from './dataProvider/index.ts';
import { isSessionRejected } from './dataProvider/session-rejected.ts';
import { forgetSession, type HubSession, hubFetch, readSession, saveSession } from './hub-session.ts';

const LOG_IN = `mutation LogIn($username: String!, $password: String!) {
  logIn(username: $username, password: $password) {
    token expiresAt
    user { id username displayName role department { id name } }
  }
}`;

const VIEWER_PERMISSIONS = 'query ViewerPermissions { viewerPermissions }';

async function graphql<Data>(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await hubFetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Data | null; errors?: { message: string }[] };
}

// When a session ends, every component of the screen finds it gone and logs out, and react-admin sends the user
// to the login page once for each: only the first log-out on the way there redirects.
let wayToLogin: 'none' | 'sending' | 'arrived' = 'none';
const atLoginPage = () => window.location.hash.startsWith('#/login');

/** The hub's own log-in: `logIn` gives a bearer token for every later request; `logOut` ends it on the hub. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const answer = await graphql<{ logIn: Omit<HubSession, 'permissions'> }>(LOG_IN, { username, password });
    const issued = answer.data?.logIn;
    if (!issued) throw new Error('hub.auth.invalid_credentials');
    // The menus follow what the hub will answer, not the role alone: the access door says, once per session.
    const permitted = await graphql<{ viewerPermissions: string[] }>(VIEWER_PERMISSIONS, {}, issued.token);
    saveSession({ ...issued, permissions: permitted.data?.viewerPermissions ?? [] });
    wayToLogin = 'none';
    resetDataProvider();
  },
  async logout() {
    if (readSession()) await graphql('mutation { logOut }').catch(() => undefined);
    forgetSession();
    resetDataProvider();
    if (atLoginPage() || wayToLogin === 'sending') return false;
    wayToLogin = 'sending';
    return undefined;
  },
  async checkAuth() {
    // The login page checks on mount: once there, leaving it (Back) may send the user to it again.
    if (atLoginPage() && wayToLogin === 'sending') wayToLogin = 'arrived';
    if (!readSession()) throw new Error('hub.auth.session_expired');
  },
  async checkError(error: unknown) {
    // Only the first refused answer of a session logs out: each of a screen's other requests doing it too would
    // send the user to the login page once more, a navigation each.
    if (isSessionRejected(error) && readSession()) {
      forgetSession();
      throw new Error('hub.auth.session_expired');
    }
  },
  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('hub.auth.session_expired');
    return { id: session.user.id, fullName: `${session.user.displayName} · ${session.user.department.name}` };
  },
  async getPermissions() {
    return readSession()?.permissions ?? [];
  },
  async canAccess({ resource, action }) {
    return mayAccess(readSession()?.permissions, resource, action);
  },
};
