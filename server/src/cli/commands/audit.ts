import pg from 'pg';
import { verifyAuditChain } from '../../audit/verify-audit-chain.ts';
import type { CommandContext } from '../command-context.ts';

/** `hub audit verify`: exits 0 when the chain is intact, 1 naming the first broken entry. */
export async function auditCommand(args: string[], context: CommandContext): Promise<void> {
  const [subcommand] = args;
  if (subcommand !== 'verify') throw new Error('usage: ./hub audit verify');
  const pool = new pg.Pool({ connectionString: await context.databaseUrl(), max: 1 });
  try {
    const status = await verifyAuditChain(pool);
    if (status.intact) {
      console.log(`audit chain intact: ${status.entries} entries`);
      return;
    }
    console.log(
      `audit chain broken at entry ${status.firstBrokenSequence} (id ${status.firstBrokenId}): ${status.problem}: ` +
        `${status.detail}; ${status.entries} entries before it are intact`,
    );
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}
