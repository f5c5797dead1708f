import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS build for Pothos and Apollo; Vite would hand our own files its ESM build, and
// graphql refuses types made by the other copy ("Cannot use GraphQLObjectType from another module or realm").
const graphqlEntry = createRequire(import.meta.resolve('./schema/package.json')).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    globalSetup: ['tests/setup/global-setup.ts'],
    // Bounds that stop a hung test, never measurements. A test that starts hub processes or drives a browser took
    // minutes beside a second copy of the suite (load 13–17 on 2 cores; a hook starting a hub, seeding a world or
    // running a dozen CLI commands took 246 s): every test gets 300 s and every setup hook 600 s, set here once
    // because with `isolate: false` (below) a shared module's own vi.setConfig would reach only the first file
    // of each worker that imports it.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // expect.poll waits for a condition, never a fixed time: 1 s (vitest's default) is too short for a page or a
    // process on a machine that runs a second copy of the suite.
    expect: { poll: { timeout: 30_000 } },
    // Two cores: more parallel files than that only queue on the database and the CPU.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          // Each worker imports the hub's modules once for all its files, not once per file: evaluating them (Prisma's
          // client, the Pothos schema, ...) took 377 s of a 1,122 s run, and 62 s once shared (docs/development.md).
          // Files still get their own database, hub and browser; none may change a module's state for the next.
          isolate: false,
          include: [
            'tests/**/*.test.ts',
            'server/src/**/*.test.ts',
            'schema/src/**/*.test.ts',
            'prisma/src/**/*.test.ts',
            'admin/src/**/*.test.{ts,tsx}',
          ],
          exclude: ['tests/resilience/**', '**/node_modules/**'],
        },
      },
      {
        // Real hub processes under hostile input, load, crashes and outages (`pnpm test:resilience`); `pnpm test`
        // runs them after the main suite, never beside it, as they measure latencies and fill both cores.
        extends: true,
        test: {
          name: 'resilience',
          include: ['tests/resilience/**/*.test.ts'],
        },
      },
    ],
  },
});
