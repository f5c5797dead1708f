import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPortalDirectory } from '@hub/server/http/create-http-app';
import { describe, expect, it } from 'vitest';

/**
 * The portal the hub serves is built by `buildPortalIfStale`, here by the suite's global setup, which runs under
 * vitest's NODE_ENV=test, as `pnpm start` runs it after a clone. Whoever builds it, users get React's production
 * build: the development one spends about three times the script time on each page and logs development warnings
 * to every user's console.
 */
describe('the portal the hub serves', () => {
  it("is React's production build, whatever NODE_ENV the build ran under", () => {
    const index = readFileSync(join(defaultPortalDirectory, 'index.html'), 'utf8');
    const scripts = [...index.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const bundle = readFileSync(join(defaultPortalDirectory, script), 'utf8');
      expect(bundle.length).toBeGreaterThan(100_000);
      // Text only React's development build carries: its key warning, its owner-stack frames, and JSX compiled with
      // the source file of each element (the build machine's paths, sent to every user).
      for (const development of ['Each child in a list should have a unique', 'react-stack-top-frame', 'jsxDEV'])
        expect(bundle.includes(development), `${script} holds "${development}"`).toBe(false);
    }
  });
});
