import type { Dataset, PrismaClient } from '@hub/prisma';
import { datasetProviderKind } from '@hub/schema/delivery-formats';
import { systemChangeActor } from '../audit/change-actors.ts';
import { configureDepartmentConnector, isLiveDataset } from './configure-department-connector.ts';

/**
 * `hub start --simulate-departments`: every department with a CURRENT snapshot of a dataset that can be answered
 * live gets a connector to the simulator (its datasets those snapshots'). A connector an administrator configured
 * to point elsewhere is left alone; one pointing at a simulator follows it to this start's address. Returns how many.
 */
export async function configureSimulatedConnectors(
  prisma: PrismaClient,
  simulator: { url: string; token: string },
): Promise<number> {
  const snapshots = await prisma.datasetSnapshot.findMany({
    where: { status: 'CURRENT' },
    select: { dataset: true, department: { select: { id: true, code: true, kind: true, connector: true } } },
  });
  const departments = new Map<string, { code: string; existingUrl: string | null; datasets: Set<Dataset> }>();
  for (const { dataset, department } of snapshots) {
    if (!isLiveDataset(dataset) || datasetProviderKind(dataset) !== department.kind) continue;
    const entry = departments.get(department.id) ?? {
      code: department.code,
      existingUrl: department.connector?.baseUrl ?? null,
      datasets: new Set<Dataset>(),
    };
    entry.datasets.add(dataset);
    departments.set(department.id, entry);
  }
  let configured = 0;
  for (const [departmentId, { code, existingUrl, datasets }] of departments) {
    if (existingUrl && !existingUrl.endsWith(`/departments/${code}`)) continue;
    await configureDepartmentConnector(
      prisma,
      {
        departmentId,
        datasets: [...datasets].sort(),
        baseUrl: `${simulator.url}/departments/${code}`,
        credential: simulator.token,
        batchSize: null,
        concurrency: null,
        timeoutMs: null,
        retries: null,
        backoffMs: null,
        maxBackoffMs: null,
        circuitErrorPercentage: null,
        circuitMinimumBatches: null,
        circuitResetMs: null,
        enabled: true,
      },
      systemChangeActor('hub demo connectors'),
    );
    configured += 1;
  }
  return configured;
}
