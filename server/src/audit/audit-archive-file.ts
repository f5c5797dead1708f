import type { KeyObject } from 'node:crypto';
import { createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AuditChainProblem } from '@hub/schema/context';
import { walkAuditChain } from './audit-chain-walk.ts';
import { type AuditCheckpoint, keyIdOf } from './audit-checkpoint.ts';
import { chainTime, type StoredAuditEntry } from './canonical-audit-entry.ts';

/**
 * A month of the trail, exported by `hub audit archive`: JSON lines, the signed header first, then every entry of the
 * month in sequence order, each as `hub audit verify` reads it from the database (StoredAuditEntry). The header carries
 * the first entry's sequence and previous hash and the last entry's sequence and hash, so the archive chains to the
 * archive before it and the online chain continues from it; its Ed25519 signature (the checkpoint key) covers those,
 * and through the hash chain every entry.
 */
export const AUDIT_ARCHIVE_FORMAT = 'audit-archive/1';

export interface AuditArchiveHeader {
  format: typeof AUDIT_ARCHIVE_FORMAT;
  /** YYYY-MM, a China Standard Time month. */
  month: string;
  entries: number;
  firstSequence: string;
  firstPreviousHash: string;
  lastSequence: string;
  lastHash: string;
  keyId: string;
  /** Ed25519 over archiveSignedText(header), base64. */
  signature: string;
}

type SignedFields = Omit<AuditArchiveHeader, 'format' | 'keyId' | 'signature'>;

/** What an archive's signature covers. */
export function archiveSignedText(header: SignedFields): string {
  return (
    `${AUDIT_ARCHIVE_FORMAT}\n${header.month}\n${header.entries}\n${header.firstSequence}\n` +
    `${header.firstPreviousHash}\n${header.lastSequence}\n${header.lastHash}\n`
  );
}

export function signArchiveHeader(fields: SignedFields, privateKey: KeyObject): AuditArchiveHeader {
  const signature = sign(null, Buffer.from(archiveSignedText(fields), 'utf8'), privateKey).toString('base64');
  return {
    format: AUDIT_ARCHIVE_FORMAT,
    ...fields,
    keyId: keyIdOf(createPublicKey(privateKey)),
    signature,
  };
}

export type AuditArchiveProblem = AuditChainProblem | 'NOT_AN_ARCHIVE' | 'SIGNATURE_INVALID';

export type AuditArchiveVerification =
  | { intact: true; header: AuditArchiveHeader; entries: number }
  | {
      intact: false;
      header: AuditArchiveHeader | undefined;
      /** The entries checked good before the problem. */
      entries: number;
      /** The first bad entry or the first of a missing range; null when the file or its header is at fault. */
      firstBrokenSequence: bigint | null;
      firstBrokenId: string | null;
      /** The file's line (1 is the header), when one is at fault. */
      line: number | null;
      problem: AuditArchiveProblem;
      detail: string;
    };

const isHeader = (value: unknown): value is AuditArchiveHeader => {
  const header = value as Partial<AuditArchiveHeader> | null;
  return (
    header?.format === AUDIT_ARCHIVE_FORMAT &&
    typeof header.entries === 'number' &&
    [header.month, header.firstSequence, header.firstPreviousHash, header.lastSequence, header.lastHash].every(
      (field) => typeof field === 'string',
    ) &&
    typeof header.keyId === 'string' &&
    typeof header.signature === 'string'
  );
};

/**
 * Checks an archive file offline (no database): its header signed by one of `publicKeys`, then every entry with the
 * chain's own checks (hash recomputed, links, sequence, time), from the header's first entry to its last; and that
 * the checkpoints falling within it still match. Reads the file line by line, so a month of any size fits.
 */
export async function verifyAuditArchive(
  file: string,
  options: { publicKeys: readonly KeyObject[]; checkpoints?: readonly AuditCheckpoint[] },
): Promise<AuditArchiveVerification> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let header: AuditArchiveHeader | undefined;
  let walk: ReturnType<typeof walkAuditChain> | undefined;
  let number = 0;
  const fault = (problem: AuditArchiveProblem, detail: string, line: number | null = number) =>
    ({
      intact: false,
      header,
      entries: walk?.entries ?? 0,
      firstBrokenSequence: null,
      firstBrokenId: null,
      line,
      problem,
      detail,
    }) as const;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return fault(header ? 'CONTENT_ALTERED' : 'NOT_AN_ARCHIVE', `line ${number} is not JSON`);
    }
    if (!header) {
      if (!isHeader(value)) return fault('NOT_AN_ARCHIVE', `line 1 is not an ${AUDIT_ARCHIVE_FORMAT} header`);
      header = value;
      const key = options.publicKeys.find((candidate) => keyIdOf(candidate) === value.keyId);
      const signed =
        key && verify(null, Buffer.from(archiveSignedText(value), 'utf8'), key, Buffer.from(value.signature, 'base64'));
      if (!signed) {
        return fault(
          'SIGNATURE_INVALID',
          key
            ? 'the header is not what was signed: its first or last entry, count or month was changed'
            : `the header is signed by key ${value.keyId}, which is not a trusted key`,
        );
      }
      const first = BigInt(value.firstSequence);
      const last = BigInt(value.lastSequence);
      walk = walkAuditChain({
        start: { sequence: first, previousHash: value.firstPreviousHash },
        checkpoints: (options.checkpoints ?? []).filter(
          (checkpoint) => BigInt(checkpoint.sequence) >= first && BigInt(checkpoint.sequence) <= last,
        ),
        now: chainTime(`${new Date().toISOString().replace('T', ' ').replace('Z', '')}+00`),
      });
      continue;
    }
    const row = value as StoredAuditEntry;
    if (typeof row?.sequence !== 'string' || typeof row.occurred_at !== 'string') {
      return fault('CONTENT_ALTERED', `line ${number} is not an audit entry`);
    }
    let broken: ReturnType<NonNullable<typeof walk>['check']>;
    try {
      broken = walk?.check(row);
    } catch (error) {
      broken = {
        intact: false,
        entries: walk?.entries ?? 0,
        firstBrokenSequence: BigInt(row.sequence),
        firstBrokenId: row.id ?? null,
        problem: 'CONTENT_ALTERED',
        detail: `entry ${row.sequence} was altered: ${(error as Error).message}`,
      };
    }
    if (broken) return { ...broken, header, line: number };
    if (header && BigInt(row.sequence) > BigInt(header.lastSequence)) {
      return fault('CONTENT_ALTERED', `entry ${row.sequence} is after the archive's last entry ${header.lastSequence}`);
    }
  }
  if (!header || !walk) return fault('NOT_AN_ARCHIVE', 'the file is empty', null);
  const lastSequence = BigInt(header.lastSequence);
  if (walk.nextSequence <= lastSequence || walk.entries !== header.entries) {
    return {
      ...fault(
        'ENTRY_MISSING',
        `entries ${walk.nextSequence}–${lastSequence} are missing: the signed header says the archive holds ` +
          `${header.entries} entries up to ${lastSequence}`,
        null,
      ),
      firstBrokenSequence: walk.nextSequence,
    };
  }
  if (walk.lastHash !== header.lastHash) {
    return {
      ...fault('LINK_BROKEN', `entry ${lastSequence} is not the last entry the header signed`, null),
      firstBrokenSequence: lastSequence,
    };
  }
  return { intact: true, header, entries: walk.entries };
}
