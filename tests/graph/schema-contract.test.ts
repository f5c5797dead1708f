import { readFileSync } from 'node:fs';
import { printedSchemaPath, printHubSchema } from '@hub/schema/printed-schema';
import { describe, expect, it } from 'vitest';

describe('schema/schema.graphql', () => {
  it('is the schema the code builds (run `pnpm --filter @hub/schema print` after changing a type)', () => {
    expect(readFileSync(printedSchemaPath, 'utf8')).toBe(printHubSchema());
  });
});
