import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The Ed25519 key that signs checkpoints, made on first use (private half 0600, public half beside it as
 * `<file>.pub`, to hand to witnesses). A key that exists is never replaced: rotation is an operator's act
 * (docs/audit-evidence.md).
 */
export function ensureAuditSigningKey(file: string): { privateKey: KeyObject; publicKey: KeyObject } {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(`${file}.pub`, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export function readPublicKey(file: string): KeyObject {
  return createPublicKey(readFileSync(file));
}
