import type { AccessDecider } from '@hub/schema/context';

/** Everything at FULL, with no agreement, consent or quota: only for `pnpm bench api` to measure what the engine costs. */
export const unrestrictedAccess: AccessDecider = {
  requireReach: async () => {},
  reachableRegions: async () => 'ALL',
  providersFor: async () => 'ANY',
  decide: async () => ({ level: 'FULL', agreementIds: [] }),
};
