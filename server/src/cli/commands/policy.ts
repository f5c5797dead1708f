import { writeFile } from 'node:fs/promises';
import { createPrismaClient } from '@hub/prisma';
import { POLICY_FIXTURES } from '@hub/prisma/policy/policy-fixtures';
import { POLICY_DOCS_PATH, renderPolicyDocs } from '../../policy/render-policy-docs.ts';
import { loadPolicyFixture } from '../../standards/load-policy-fixture.ts';
import type { CommandContext } from '../command-context.ts';

const USAGE = `usage: ./hub policy docs | ./hub policy load <${Object.keys(POLICY_FIXTURES).join('|')}>`;

export async function policyCommand(args: string[], context: CommandContext): Promise<void> {
  const [action, name] = args;
  if (action === 'docs') {
    await writeFile(POLICY_DOCS_PATH, renderPolicyDocs());
    console.log(`wrote ${POLICY_DOCS_PATH}`);
    return;
  }
  const fixture = action === 'load' && name ? POLICY_FIXTURES[name] : undefined;
  if (!fixture) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const prisma = createPrismaClient(await context.databaseUrl(), { maxConnections: 1 });
  try {
    const ids = await loadPolicyFixture(prisma, fixture);
    console.log(`loaded ${fixture.name}: ${ids.length} policy versions for ${fixture.regionCode}`);
  } finally {
    await prisma.$disconnect();
  }
}
