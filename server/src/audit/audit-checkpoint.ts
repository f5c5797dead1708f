import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** The chain head as the hub signed it: a line of the checkpoint file, and what the checkpoints endpoint serves. */
export interface AuditCheckpoint {
  sequence: string;
  hash: string;
  /** clock_timestamp() read under the chain lock: every later entry is dated after it. YYYY-MM-DDTHH:MI:SS.ffffffZ */
  databaseTime: string;
  /** keyIdOf the signing key's public half. */
  keyId: string;
  /** Ed25519 over signedText(checkpoint), base64. */
  signature: string;
}

/** What a checkpoint's signature covers; a co-signing witness signs the same text. */
export function signedText(checkpoint: Pick<AuditCheckpoint, 'sequence' | 'hash' | 'databaseTime'>): string {
  return `audit-checkpoint/1\n${checkpoint.sequence}\n${checkpoint.hash}\n${checkpoint.databaseTime}\n`;
}

/** The first 16 hex digits of the SHA-256 of the public key's DER (SPKI) form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(
  head: Pick<AuditCheckpoint, 'sequence' | 'hash' | 'databaseTime'>,
  privateKey: KeyObject,
): AuditCheckpoint {
  const signature = sign(null, Buffer.from(signedText(head), 'utf8'), privateKey).toString('base64');
  return { ...head, keyId: keyIdOf(createPublicKey(privateKey)), signature };
}

/** Whether one of `publicKeys` signed the checkpoint. */
export function isSignedBy(checkpoint: AuditCheckpoint, publicKeys: readonly KeyObject[]): boolean {
  const key = publicKeys.find((candidate) => keyIdOf(candidate) === checkpoint.keyId);
  if (!key) return false;
  return verify(null, Buffer.from(signedText(checkpoint), 'utf8'), key, Buffer.from(checkpoint.signature, 'base64'));
}

/** Parses a checkpoint file (JSON lines); a line that is not a checkpoint is an error naming its line number. */
export function parseCheckpoints(text: string, source: string): AuditCheckpoint[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let value: Partial<AuditCheckpoint>;
      try {
        value = JSON.parse(line) as Partial<AuditCheckpoint>;
      } catch {
        throw new Error(`${source}, line ${number}: not JSON`);
      }
      const { sequence, hash, databaseTime, keyId, signature } = value;
      if (![sequence, hash, databaseTime, keyId, signature].every((field) => typeof field === 'string')) {
        throw new Error(`${source}, line ${number}: not a checkpoint (sequence, hash, databaseTime, keyId, signature)`);
      }
      return value as AuditCheckpoint;
    });
}
