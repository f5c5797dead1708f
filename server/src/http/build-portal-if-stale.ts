import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const adminDirectory = join(import.meta.dirname, '../../../admin');
// What the build is made from: a change to any of these makes admin/dist stale.
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newestChange(path: string): number {
  if (/\.test\.tsx?$/.test(path)) return 0; // tests are not part of the build
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Whether admin/dist is missing or older than the portal's sources. */
export function portalBuildIsStale(): boolean {
  const built = join(adminDirectory, 'dist/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  // This file too: a change to how the portal is built (its React build, 2026-12-07) makes an older build stale.
  if (statSync(import.meta.filename).mtimeMs > builtAt) return true;
  return SOURCES.some((source) => {
    const path = join(adminDirectory, source);
    return existsSync(path) && newestChange(path) > builtAt;
  });
}

/**
 * Builds the portal with Vite when admin/dist is missing or stale, so that `pnpm start` on a fresh clone serves
 * it. A checkout without the admin package's dependencies (a server-only install) is left to serve the API alone.
 */
export function buildPortalIfStale(log: (line: string) => void = console.log): void {
  if (!portalBuildIsStale()) return;
  let vite: string;
  try {
    vite = join(
      dirname(createRequire(join(adminDirectory, 'package.json')).resolve('vite/package.json')),
      'bin/vite.js',
    );
  } catch {
    log('the portal is not built and its dependencies are not installed: serving the API only');
    return;
  }
  log('building the portal (admin/dist)…');
  const started = Date.now();
  // NODE_ENV decides which React Vite bundles, whatever the mode: under vitest it is `test`, and the portal came out
  // with React's development build (about three times the script time per page, measured in Chromium), which users
  // would then be served by a later `pnpm start`. The portal is always built as users get it.
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'production', '--logLevel', 'warn'], {
    cwd: adminDirectory,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the portal's build failed (exit ${result.status}); see the output above`);
  log(`portal built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
