import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// A connector's credential is a department's secret: the hub stores it encrypted with AES-256-GCM under a key
// from HUB_SECRET_KEY (any string of at least 32 characters, hashed to 32 bytes), so a copy of the database alone
// does not reveal it. GCM's tag makes a ciphertext altered or read with another key fail loudly.

const MINIMUM_KEY_LENGTH = 32;

export class SecretKeyMissingError extends Error {
  constructor() {
    super(
      `HUB_SECRET_KEY must be set (at least ${MINIMUM_KEY_LENGTH} characters) to store or use connector credentials`,
    );
  }
}

function keyFrom(secret: string | undefined): Buffer {
  if (!secret || secret.length < MINIMUM_KEY_LENGTH) throw new SecretKeyMissingError();
  return createHash('sha256').update(secret).digest();
}

export function encryptCredential(credential: string, secret = process.env.HUB_SECRET_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const ciphertext = Buffer.concat([cipher.update(credential, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

export function decryptCredential(stored: string, secret = process.env.HUB_SECRET_KEY): string {
  const [iv, tag, ciphertext] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) throw new Error('a stored connector credential is not in the iv.tag.ciphertext form');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
