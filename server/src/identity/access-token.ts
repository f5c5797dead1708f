import { randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;

// The prefix tells an API client's access token from a user's session token before any lookup.
const ACCESS_TOKEN = /^hat_[A-Za-z0-9_-]{43}$/;

export function newAccessToken(): string {
  return `hat_${randomBytes(32).toString('base64url')}`;
}

export function isAccessToken(token: string): boolean {
  return ACCESS_TOKEN.test(token);
}
