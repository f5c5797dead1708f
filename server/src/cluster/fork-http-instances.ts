import cluster, { type Worker } from 'node:cluster';
import {
  INSTANCE_SETTINGS_ENV,
  type InstanceMessage,
  type InstanceSettings,
  isInstanceMessage,
} from './cluster-messages.ts';

// A crashed instance is forked again after 1 s, then 2, 4, … up to 30 s while it keeps crashing; one that served
// for a minute counts as healthy again.
const FIRST_RESTART_MS = 1_000;
const LONGEST_RESTART_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;
// An instance drains for up to 10 s (create-http-app.ts); past this it is killed.
const STOP_TIMEOUT_MS = 15_000;

export interface HttpInstances {
  /** Where they answer, e.g. http://127.0.0.1:4000. */
  url: string;
  /** Asks every instance to drain and waits for each to exit. */
  close(): Promise<void>;
}

/**
 * `count` HTTP instances of the hub on one port (node:cluster: the primary accepts connections and hands them out
 * in turn). Each runs `hub start` again, which serves in a worker (serve-http-instance.ts). One that crashes is
 * forked again with a backoff, and both are logged. Rejects if any exits before all are listening.
 */
export async function forkHttpInstances(options: {
  count: number;
  settings: InstanceSettings;
  onMessage(message: InstanceMessage): void;
}): Promise<HttpInstances> {
  const { count, settings } = options;
  const env = { [INSTANCE_SETTINGS_ENV]: JSON.stringify(settings) };
  const running = new Map<number, { worker: Worker; forkedAt: number; listening: boolean }>();
  const restarts = new Map<number, NodeJS.Timeout>();
  const failures = new Map<number, number>();
  // Restarts begin once all have listened; before that an exit fails the start.
  let started = false;
  let stopping = false;

  const fork = (slot: number): Worker => {
    const worker = cluster.fork(env);
    const instance = { worker, forkedAt: performance.now(), listening: false };
    running.set(slot, instance);
    worker.once('listening', () => {
      instance.listening = true;
    });
    worker.on('message', (message: unknown) => {
      if (isInstanceMessage(message)) options.onMessage(message);
    });
    worker.once('exit', (code, signal) => {
      const served = performance.now() - (running.get(slot)?.forkedAt ?? 0);
      running.delete(slot);
      if (stopping || !started) return;
      const failed = served >= HEALTHY_AFTER_MS ? 0 : (failures.get(slot) ?? 0);
      const delay = Math.min(LONGEST_RESTART_MS, FIRST_RESTART_MS * 2 ** failed);
      failures.set(slot, failed + 1);
      console.error(
        `http instance ${slot} (process ${worker.process.pid}) exited with ${signal ?? `code ${code}`}; ` +
          `forking it again in ${delay / 1000} s`,
      );
      restarts.set(
        slot,
        setTimeout(() => {
          restarts.delete(slot);
          if (stopping) return;
          fork(slot).once('listening', () => console.log(`http instance ${slot} is serving again`));
        }, delay).unref(),
      );
    });
    return worker;
  };

  const slots = Array.from({ length: count }, (_, index) => index + 1);
  const addresses = await Promise.allSettled(
    slots.map(
      (slot) =>
        new Promise<{ port: number }>((resolve, reject) => {
          const worker = fork(slot);
          worker.once('listening', resolve);
          worker.once('exit', (code) =>
            reject(new Error(`http instance ${slot} exited with code ${code} before it listened`)),
          );
        }),
    ),
  );
  const close = async () => {
    stopping = true;
    for (const timer of restarts.values()) clearTimeout(timer);
    await Promise.all(
      [...running.values()].map(
        ({ worker, listening }) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS).unref();
            worker.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            // One still starting may not hear messages yet, and has no request to drain.
            if (listening) worker.send({ type: 'STOP' });
            else worker.process.kill('SIGTERM');
          }),
      ),
    );
  };
  const refused = addresses.find((address) => address.status === 'rejected');
  if (refused) {
    await close();
    throw refused.reason;
  }
  started = true;
  const port = (addresses[0] as PromiseFulfilledResult<{ port: number }>).value.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { url: `http://${host}:${port}`, close };
}
