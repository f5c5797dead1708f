import type { PrismaClient } from '@hub/prisma';
import type { AccessDecider } from '@hub/schema/context';
import { badUserInputError, forbiddenError } from '@hub/schema/errors';
import { VIEWER_PERMISSIONS } from '@hub/schema/identity/viewer-permission';
import { findReachableComparisonRun } from './reach-comparison-run.ts';
import { regionsWithin } from './region-tree.ts';

/** Everything at FULL, with no agreement, consent or quota: only for `pnpm bench api` to measure what the engine costs. */
export function unrestrictedAccess(prisma: PrismaClient): AccessDecider {
  return {
    requireReach: async () => {},
    reachableRegions: async () => 'ALL',
    reachesRegion: async () => true,
    reachesPerson: async () => true,
    reachesHousehold: async () => true,
    findReachableRun: (runId) => findReachableComparisonRun(prisma, 'ALL', runId),
    reachableRunIds: async () => 'ALL',
    async regionFilter(regionCode) {
      const codes = await regionsWithin(prisma, regionCode);
      if (!codes) throw badUserInputError('UNKNOWN_REGION', `no region has the code ${regionCode}`, { regionCode });
      return codes;
    },
    providersFor: async () => 'ANY',
    // Cases name an office, not an agreement: even the benchmark's open door reaches none of them.
    discrepancyCaseOffices: async () => new Set(),
    caseReferralRecipient: async () => {
      throw forbiddenError();
    },
    viewerPermissions: async () => VIEWER_PERMISSIONS,
    decide: async () => ({ level: 'FULL', agreementIds: [] }),
  };
}
