import { readFile } from 'node:fs/promises';
import { POLICY_RULE_CODES, POLICY_RULES } from '@hub/prisma/policy/policy-rules';
import { POLICY_DOCS_PATH, renderPolicyDocs } from '@hub/server/policy/render-policy-docs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

describe('docs/policy.md', () => {
  it('is the rendering of the rule data (run `pnpm hub policy docs` after changing a rule)', async () => {
    expect(await readFile(POLICY_DOCS_PATH, 'utf8')).toBe(renderPolicyDocs());
  });

  it.each(POLICY_RULE_CODES)('names a test of %s that exists', async (code) => {
    const { file, name } = POLICY_RULES[code].test;
    expect(await readFile(new URL(file, root), 'utf8')).toContain(name);
  });
});
