import type { DepartmentKind, PrismaClient } from '@hub/prisma';
import type { AccessDecider } from '@hub/schema/context';
import DataLoader from 'dataloader';
import { departmentReach, isWithin, type Reach } from './department-reach.ts';
import { findReachableComparisonRun, findReachableRunIds, type ReachableRun } from './reach-comparison-run.ts';
import { householdRegionsById, personRegionByIdNumber, personRegionsById } from './subject-regions.ts';

type ReachRules = Pick<
  AccessDecider,
  'reachableRegions' | 'reachesRegion' | 'reachesPerson' | 'reachesHousehold' | 'findReachableRun' | 'reachableRunIds'
>;

/**
 * One request's reach: which regions, persons, households and runs its department may reach at all, whatever the
 * purpose. Subjects are placed in batches (one query per kind per tick) and only when the reach is limited.
 */
export function createReach(
  prisma: PrismaClient,
  department: (() => Promise<{ kind: DepartmentKind; regionCode: string }>) | null,
): ReachRules {
  let reach: Promise<Reach> | undefined;
  const reachable = () => {
    reach ??= department ? department().then((found) => departmentReach(prisma, found)) : Promise.resolve(new Set());
    return reach;
  };
  const regionLoader = (load: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>) =>
    new DataLoader<string, string | null>(async (ids) => {
      const regions = await load(ids);
      return ids.map((id) => regions.get(id) ?? null);
    });
  const personRegions = regionLoader((ids) => personRegionsById(prisma, ids));
  const householdRegions = regionLoader((ids) => householdRegionsById(prisma, ids));
  const runs = new Map<string, Promise<ReachableRun | null>>();
  const within = async (region: () => Promise<string | null>) => {
    const limited = await reachable();
    return limited === 'ALL' || isWithin(limited, await region());
  };

  return {
    reachableRegions: reachable,
    reachesRegion: (code) => within(async () => code ?? null),
    reachesPerson: (person) =>
      within(() => ('id' in person ? personRegions.load(person.id) : personRegionByIdNumber(prisma, person.idNumber))),
    reachesHousehold: (householdId) => within(() => householdRegions.load(householdId)),
    findReachableRun(runId) {
      let run = runs.get(runId);
      if (!run) {
        run = reachable().then((limited) => findReachableComparisonRun(prisma, limited, runId));
        runs.set(runId, run);
      }
      return run;
    },
    reachableRunIds: async () => findReachableRunIds(prisma, await reachable()),
  };
}
