import { parseArgs } from 'node:util';
import { createDepartmentSimulator } from '../../simulator/create-department-simulator.ts';
import { requireDatabaseUrl } from '../database-url.ts';

/** `hub simulate-departments`: the demo departments' own APIs, serving DATABASE_URL's records, until Ctrl-C. */
export async function simulateDepartmentsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string', default: process.env.SIMULATOR_TOKEN ?? 'demo-department-token' },
    },
  });
  const app = await createDepartmentSimulator({ databaseUrl: requireDatabaseUrl(), token: values.token });
  const url = await app.listen({ port: Number(values.port), host: values.host });
  console.log(`department simulator ready: ${url}/departments/<department code>/records:query`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void app.close().then(() => process.exit(0)));
}
