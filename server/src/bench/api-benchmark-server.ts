import cluster from 'node:cluster';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkHttpInstances } from '../cluster/fork-http-instances.ts';
import { startPrimaryJobs } from '../cluster/primary-jobs.ts';
import { serveHttpInstance } from '../cluster/serve-http-instance.ts';
import { createHttpApp } from '../http/create-http-app.ts';

// One hub API for `pnpm bench api`, in a process of its own so that the load generator does not share its CPU time;
// with BENCH_INSTANCES=N > 1, N HTTP instances on one port as `hub start --instances N` runs them.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const guarded = process.env.BENCH_GUARDED !== 'false';
const instances = Number(process.env.BENCH_INSTANCES ?? 1);
// The benchmark's one API client sends far more than a real client may: the limiter runs (its cost is measured)
// but never refuses.
const limits = { rateLimitMax: Number.MAX_SAFE_INTEGER };
// Checkpoints on, as `hub start` has them, into a throwaway folder with a throwaway key.
const auditCheckpoints = {
  file: join(mkdtempSync(join(tmpdir(), 'hub-bench-audit-')), 'checkpoints.jsonl'),
  privateKey: generateKeyPairSync('ed25519').privateKey,
  everyEntries: 1_000,
  everyMilliseconds: 60_000,
};

if (cluster.isWorker) {
  await serveHttpInstance({ logger: false, limits });
} else if (instances > 1) {
  const jobs = startPrimaryJobs(databaseUrl, auditCheckpoints);
  const served = await forkHttpInstances({
    count: instances,
    settings: {
      databaseUrl,
      port: 0,
      host: '127.0.0.1',
      checkpointFile: auditCheckpoints.file,
      publicKeyPem: createPublicKey(auditCheckpoints.privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      witnessToken: undefined,
    },
    onMessage: (message) => jobs.hear(message),
  });
  console.log(`listening ${served.url}`);
  process.on('SIGTERM', () => void served.close().then(() => jobs.close().then(() => process.exit(0))));
} else {
  const http = await createHttpApp({
    databaseUrl,
    enforcement: guarded,
    audit: guarded,
    limits,
    auditCheckpoints: guarded ? auditCheckpoints : undefined,
  });
  const url = await http.listen(0, '127.0.0.1');
  console.log(`listening ${url}`);
  process.on('SIGTERM', () => void http.close().then(() => process.exit(0)));
}
