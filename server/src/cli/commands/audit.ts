import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { isSignedBy, parseCheckpoints } from '../../audit/audit-checkpoint.ts';
import { auditEvidenceFiles } from '../../audit/audit-evidence-files.ts';
import { readPublicKey } from '../../audit/ensure-audit-signing-key.ts';
import { verifyAuditChain } from '../../audit/verify-audit-chain.ts';
import type { CommandContext } from '../command-context.ts';
import { resolveDataDirectory } from '../data-directory.ts';

const USAGE = 'usage: ./hub audit verify [--checkpoints FILE] [--public-key FILE]... [--data-dir DIR]';

/**
 * `hub audit verify`: recomputes the chain in Node and checks it against the signed checkpoints (by default the
 * data folder's); exits 0 when intact, 1 naming the first broken entry or the missing range.
 */
export async function auditCommand(args: string[], context: CommandContext): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'verify') throw new Error(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      checkpoints: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
    },
  });
  const files = auditEvidenceFiles(resolveDataDirectory(context.dataDirectory));
  const checkpointFile = values.checkpoints ?? files.checkpointFile;
  const keyFiles = values['public-key'] ?? [`${files.signingKeyFile}.pub`];
  let checkpoints = existsSync(checkpointFile)
    ? parseCheckpoints(readFileSync(checkpointFile, 'utf8'), checkpointFile)
    : [];
  if (values.checkpoints && !existsSync(values.checkpoints)) throw new Error(`no checkpoint file at ${checkpointFile}`);
  if (checkpoints.length > 0) {
    const keys = keyFiles.map((file) => readPublicKey(file));
    const unsigned = checkpoints.findIndex((checkpoint) => !isSignedBy(checkpoint, keys));
    if (unsigned >= 0) {
      console.log(
        `checkpoint ${unsigned + 1} of ${checkpointFile} (entry ${checkpoints[unsigned]?.sequence}) is not signed by ` +
          `a trusted key (${keyFiles.join(', ')}): the checkpoints themselves were tampered with or the key is wrong`,
      );
      process.exitCode = 1;
      return;
    }
  } else {
    console.log(
      `no checkpoints (${checkpointFile}): the chain is checked on its own, which cannot see entries cut off its end`,
    );
    checkpoints = [];
  }
  const pool = new pg.Pool({ connectionString: await context.databaseUrl(), max: 1 });
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
