import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createDepartmentSimulator } from '../../simulator/create-department-simulator.ts';
import type { CommandContext } from '../command-context.ts';

/** `hub simulate-departments`: the demo departments' own APIs, serving the database's records, until Ctrl-C. */
export async function simulateDepartmentsCommand(args: string[], context: CommandContext): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string', default: process.env.SIMULATOR_TOKEN ?? 'demo-department-token' },
    },
  });
  const app = await createDepartmentSimulator({ databaseUrl: await context.databaseUrl(), token: values.token });
  const url = await app.listen({ port: Number(values.port), host: values.host });
  console.log(`department simulator ready: ${url}/departments/<department code>/records:query`);
  // Serves until a signal; then the command returns, and an embedded database it started is stopped after it.
  const stopped = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => stopped.abort());
  }
  await once(stopped.signal, 'abort');
  await app.close();
}
