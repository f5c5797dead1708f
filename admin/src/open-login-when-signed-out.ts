import { readSession } from './hub-session.ts';

/**
 * Opens the login page at once when the portal starts without a session, before react-admin mounts: its own way
 * there (`requireAuth` logging out on mount) loops through hundreds of navigations to /#/login first
 * (marmelab/react-admin#10764). The screen asked for is kept, as react-admin's login page reads it, to return there.
 */
export function openLoginWhenSignedOut(): void {
  if (readSession()) return;
  const [pathname = '/', search = ''] = (window.location.hash.replace(/^#/, '') || '/').split(/(?=\?)/);
  if (pathname === '/login') return;
  const state = { usr: { nextPathname: pathname, nextSearch: search }, key: 'signed-out', idx: 0 };
  window.history.replaceState(state, '', '#/login');
}
