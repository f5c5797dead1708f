import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { archiveAuditMonths } from '../../audit/archive-audit-months.ts';
import { verifyAuditArchive } from '../../audit/audit-archive-file.ts';
import { type AuditCheckpoint, isSignedBy, parseCheckpoints } from '../../audit/audit-checkpoint.ts';
import { auditEvidenceFiles } from '../../audit/audit-evidence-files.ts';
import { auditRetentionMonths } from '../../audit/audit-retention.ts';
import { ensureAuditSigningKey, readPublicKey } from '../../audit/ensure-audit-signing-key.ts';
import { verifyAuditChain } from '../../audit/verify-audit-chain.ts';
import type { CommandContext } from '../command-context.ts';
import { commandPool } from '../command-pool.ts';
import { resolveDataDirectory } from '../data-directory.ts';

const USAGE =
  'usage: ./hub audit verify [--checkpoints FILE] [--public-key FILE]... [--archive FILE]... [--data-dir DIR]\n' +
  '       ./hub audit archive [--dir DIR] [--data-dir DIR]';

const OPTIONS = {
  checkpoints: { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  archive: { type: 'string', multiple: true },
  dir: { type: 'string' },
} as const;

/**
 * `hub audit verify`: recomputes the chain in Node and checks it against the signed checkpoints (by default the
 * data folder's); with `--archive FILE` checks archive files instead, offline. Exits 0 when intact, 1 naming the
 * first broken entry or the missing range. `hub audit archive`: exports the months past the retention to signed
 * archive files and drops them from the database (docs/audit.md, "Retention and archives").
 */
export async function auditCommand(args: string[], context: CommandContext): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'verify' && subcommand !== 'archive') throw new Error(USAGE);
  const { values } = parseArgs({ args: rest, options: OPTIONS });
  const files = auditEvidenceFiles(resolveDataDirectory(context.dataDirectory));
  const checkpointFile = values.checkpoints ?? files.checkpointFile;
  const keyFiles = values['public-key'] ?? [`${files.signingKeyFile}.pub`];
  if (values.checkpoints && !existsSync(values.checkpoints)) throw new Error(`no checkpoint file at ${checkpointFile}`);
  const checkpoints = existsSync(checkpointFile)
    ? parseCheckpoints(readFileSync(checkpointFile, 'utf8'), checkpointFile)
    : [];
  const keys = () => keyFiles.map((file) => readPublicKey(file));
  if (checkpoints.length > 0) {
    const trusted = keys();
    const unsigned = checkpoints.findIndex((checkpoint) => !isSignedBy(checkpoint, trusted));
    if (unsigned >= 0) {
      console.log(
        `checkpoint ${unsigned + 1} of ${checkpointFile} (entry ${checkpoints[unsigned]?.sequence}) is not signed by ` +
          `a trusted key (${keyFiles.join(', ')}): the checkpoints themselves were tampered with or the key is wrong`,
      );
      process.exitCode = 1;
      return;
    }
  }
  if (subcommand === 'archive') {
    await archiveCommand(context, values.dir ?? files.archiveDirectory, files.signingKeyFile, keys, checkpoints);
    return;
  }
  if (values.archive) {
    await verifyArchives(values.archive, keys(), checkpoints);
    return;
  }
  if (checkpoints.length === 0) {
    console.log(
      `no checkpoints (${checkpointFile}): the chain is checked on its own, which cannot see entries cut off its end`,
    );
  }
  const pool = commandPool(await context.databaseUrl(), 1);
  try {
    const status = await verifyAuditChain(pool, checkpoints);
    const against = checkpoints.length ? ` against ${checkpoints.length} signed checkpoints` : '';
    if (status.intact) {
      console.log(`audit chain intact: ${status.entries} entries${against}`);
      return;
    }
    const where = status.firstBrokenId ? ` (id ${status.firstBrokenId})` : '';
    console.log(
      `audit chain broken at entry ${status.firstBrokenSequence}${where}: ${status.problem}: ` +
        `${status.detail}; ${status.entries} entries before it are intact`,
    );
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

/** Each archive file on its own, without a database. */
async function verifyArchives(
  archives: string[],
  publicKeys: KeyObject[],
  checkpoints: readonly AuditCheckpoint[],
): Promise<void> {
  for (const file of archives) {
    if (!existsSync(file)) throw new Error(`no archive file at ${file}`);
    const result = await verifyAuditArchive(file, { publicKeys, checkpoints });
    if (result.intact) {
      const { month, firstSequence, lastSequence } = result.header;
      console.log(
        `audit archive ${file} intact: ${month}, ${result.entries} entries (${firstSequence}–${lastSequence})`,
      );
      continue;
    }
    const at =
      result.firstBrokenSequence !== null
        ? `at entry ${result.firstBrokenSequence}${result.firstBrokenId ? ` (id ${result.firstBrokenId})` : ''}`
        : 'in its header';
    const line = result.line ? `, line ${result.line}` : '';
    console.log(
      `audit archive ${file} broken ${at}${line}: ${result.problem}: ${result.detail}; ` +
        `${result.entries} entries before it are intact`,
    );
    process.exitCode = 1;
  }
}

async function archiveCommand(
  context: CommandContext,
  directory: string,
  signingKeyFile: string,
  publicKeys: () => KeyObject[],
  checkpoints: readonly AuditCheckpoint[],
): Promise<void> {
  const retentionMonths = auditRetentionMonths();
  const { privateKey } = ensureAuditSigningKey(signingKeyFile);
  // The owner role: only it may drop a month's partition of the trail.
  const pool = commandPool(await context.databaseOwnerUrl(), 1);
  try {
    const archived = await archiveAuditMonths(pool, {
      directory,
      retentionMonths,
      privateKey,
      publicKeys: publicKeys(),
      checkpoints,
    });
    for (const month of archived) {
      console.log(
        month.file
          ? `archived ${month.month}: ${month.entries} entries to ${month.file}, verified, and dropped from the database`
          : `archived ${month.month}: no entries, its partition dropped`,
      );
    }
    console.log(
      archived.length
        ? `${archived.length} month(s) archived; the database keeps the current month and the ${retentionMonths} before it`
        : `nothing to archive: the database holds no month older than the ${retentionMonths} before the current one`,
    );
  } finally {
    await pool.end();
  }
}
