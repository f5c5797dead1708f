import { randomBytes } from 'node:crypto';

/** The public id a partner configures, e.g. hc_3f9a1c0b7d2e4a68: not a secret, it names the client in the audit trail. */
export function newClientId(): string {
  return `hc_${randomBytes(8).toString('hex')}`;
}

/** 32 random bytes, base64url: shown once, stored only as an argon2id hash (like a password). */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}
