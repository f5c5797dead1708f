import type { PrismaClient } from '@hub/prisma';
import type { AccessDecider, DisclosureLog } from '@hub/schema/context';
import { RECORD_LEVELS } from '@hub/schema/disclosure/access-levels';
import { dataItemDeniedError } from '@hub/schema/disclosure/data-item-denied';
import { badUserInputError, outsideReachError } from '@hub/schema/errors';
import { regionsWithin } from './region-tree.ts';

const NOBODY = { subjectPersonId: null, subjectHouseholdId: null };

// A filter by region needs a region within reach; on households or persons it also answers where they live, so it
// needs what Household.region needs (HOUSEHOLD_COMPOSITION at FULL or MASKED). Refused, never applied.
export async function refuseRegionFilter(
  prisma: PrismaClient,
  request: {
    regionCode: string;
    of: 'RESIDENCE' | 'RUNS';
    decide: AccessDecider['decide'];
    reach: Pick<AccessDecider, 'reachesRegion'>;
    disclosures: DisclosureLog | undefined;
  },
): Promise<readonly string[]> {
  const { regionCode } = request;
  const access =
    request.of === 'RUNS'
      ? ({ level: 'FULL', agreementIds: [] } as const)
      : await request.decide('HOUSEHOLD_COMPOSITION', NOBODY, null);
  if (!access.level || !RECORD_LEVELS.includes(access.level)) {
    const reason = access.level === null ? access.reason : 'INSUFFICIENT_ACCESS_LEVEL';
    request.disclosures?.record({ ...NOBODY, outcome: 'DENIED', itemCode: 'HOUSEHOLD_COMPOSITION', reason });
    throw dataItemDeniedError(
      'HOUSEHOLD_COMPOSITION',
      reason,
      access.level ? { granted: access.level, needed: RECORD_LEVELS } : {},
    );
  }
  const codes = await regionsWithin(prisma, regionCode);
  if (!codes) throw badUserInputError('UNKNOWN_REGION', `no region has the code ${regionCode}`, { regionCode });
  if (!(await request.reach.reachesRegion(regionCode))) throw outsideReachError(regionCode);
  return codes;
}
