import type { PrismaClient } from '@hub/prisma';
import type { PolicyFixture } from '@hub/prisma/policy/policy-fixture';
import type { ChangeActor } from '@hub/schema/context';
import { systemChangeActor } from '../audit/change-actors.ts';
import { setAssistanceStandard } from './set-assistance-standard.ts';

/**
 * Loads a shipped regional policy: its regions where the hub lacks them, then each version through the same path
 * an administrator's change takes (validated, and recorded as a change). Returns the versions' ids.
 */
export async function loadPolicyFixture(
  prisma: PrismaClient,
  fixture: PolicyFixture,
  actor: ChangeActor = systemChangeActor('hub policy load'),
): Promise<string[]> {
  for (const region of fixture.regions) {
    await prisma.region.upsert({ where: { code: region.code }, create: region, update: {} });
  }
  const ids: string[] = [];
  for (const version of fixture.versions) {
    const standard = await setAssistanceStandard(prisma, { regionCode: fixture.regionCode, ...version }, actor);
    ids.push(standard.id);
  }
  return ids;
}
