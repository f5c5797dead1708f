import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpApp } from '../http/create-http-app.ts';

// One hub API for `pnpm bench api`, in a process of its own so that the load generator does not share its CPU time.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const guarded = process.env.BENCH_GUARDED !== 'false';
// The benchmark's one API client sends far more than a real client may: the limiter runs (its cost is measured)
// but never refuses.
const http = await createHttpApp({
  databaseUrl,
  enforcement: guarded,
  audit: guarded,
  limits: { rateLimitMax: Number.MAX_SAFE_INTEGER },
  // Checkpoints on, as `hub start` has them, into a throwaway folder with a throwaway key.
  auditCheckpoints: guarded
    ? {
        file: join(mkdtempSync(join(tmpdir(), 'hub-bench-audit-')), 'checkpoints.jsonl'),
        privateKey: generateKeyPairSync('ed25519').privateKey,
        everyEntries: 1_000,
        everyMilliseconds: 60_000,
      }
    : undefined,
});
const url = await http.listen(0, '127.0.0.1');
console.log(`listening ${url}`);
process.on('SIGTERM', () => void http.close().then(() => process.exit(0)));
